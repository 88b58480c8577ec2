package org.milab.plugins.classic.knn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.milab.api.InvalidDataException;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimator;
import org.milab.api.testkit.EstimatorContract;
import org.milab.api.testkit.KnownTruth;
import org.milab.api.testkit.TestRunContext;
import org.milab.plugins.classic.Reference;
import org.milab.plugins.classic.Synthetic;
import org.milab.plugins.classic.common.Digamma;

class Ksg1Test implements EstimatorContract {

    private final Ksg1 ksg = new Ksg1();

    @Override
    public Estimator estimator() {
        return ksg;
    }

    /**
     * Correlated Gaussians, n = 4000, k = 3. KSG's standard deviation at this n is about 0.015 nats for
     * I ≤ 1.2 (Kraskov et al. 2004, Fig. 4) and its bias below 0.01 nats for one dimension; 0.06 is four standard
     * deviations plus the bias.
     */
    @Override
    public KnownTruth knownTruth() {
        return KnownTruth.gaussian(4000, 0.5, 11, 0.06);
    }

    private double mi(Samples x, Samples y, Map<String, ?> params) {
        try (TestRunContext ctx = TestRunContext.of(ksg, 7, params)) {
            return ksg.estimate(x, y, ctx).nats();
        }
    }

    /**
     * scikit-learn 1.2.1 {@code _compute_mi_cc(x, y, k)} (its KSG core, before its own scaling and noise) on the
     * deterministic columns of {@link Reference}, n = 1000: k = 3 gives 1.0295733423195106, k = 5 gives
     * 1.2990573827824652. The lattice-like data have many equal distances, so this also checks the strict
     * inequality of the counts. Tolerance: rounding only.
     */
    @Test
    void matchesScikitLearnOnTheSameData() {
        double[] u = Reference.column(1000, 'u');
        double[] v = Reference.column(1000, 'v');
        double[] y = new double[u.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = u[i] + 0.25 * v[i];
        }
        Samples xs = Reference.of("u", u);
        Samples ys = Reference.of("y", y);
        assertEquals(1.0295733423195106, mi(xs, ys, Map.of("k", 3, "standardise", false)), 1e-9);
        assertEquals(1.2990573827824652, mi(xs, ys, Map.of("k", 5, "standardise", false)), 1e-9);
    }

    /**
     * Three-dimensional X and Y against a SciPy cKDTree implementation of the same estimator (strict counts in the
     * max norm): 5.114588640972537 for n = 1000, k = 3. Tolerance: rounding only.
     */
    @Test
    void matchesKdTreeReferenceInThreeDimensions() {
        int n = 1000;
        double[] u = Reference.column(n, 'u');
        double[] v = Reference.column(n, 'v');
        double[] w = Reference.column(n, 'w');
        double[] y0 = new double[n];
        double[] y1 = new double[n];
        double[] y2 = new double[n];
        for (int i = 0; i < n; i++) {
            y0[i] = u[i] + 0.25 * v[i];
            y1[i] = v[i] * v[i] + 0.5 * w[i];
            y2[i] = w[i] + 0.1 * u[i];
        }
        Samples x = Samples.ofColumns(Samples.names("x", 3), u, v, w);
        Samples y = Samples.ofColumns(Samples.names("y", 3), y0, y1, y2);
        assertEquals(5.114588640972537, mi(x, y, Map.of("standardise", false)), 1e-9);
    }

    /** A strong correlation, tolerance as for {@link #knownTruth()} (rho = 0 is the contract's independence case). */
    @Test
    void recoversStrongGaussianMi() {
        Samples[] xy = Synthetic.gaussian(4000, 0.9, 11);
        assertEquals(Synthetic.gaussianMi(1, 0.9), mi(xy[0], xy[1], Map.of()), 0.06);
    }

    /**
     * Dense (3 of 3 pairs, I = 1.24) and sparse (1 of 4 pairs, I = 0.41) multi-dimensional Gaussians, n = 4000.
     * KSG's downward bias grows with dimension: about 0.05 nats for a 6-D joint space at this n and I (Kraskov et
     * al. 2004, Fig. 7; Gao et al. 2015); allowed 0.05 bias + 0.05 for 3 sd of noise, one-sided below.
     */
    @Test
    void recoversMultiDimensionalGaussianMi() {
        Samples[] dense = Synthetic.gaussian(4000, 3, 3, 0.6, 12);
        double truth = Synthetic.gaussianMi(3, 0.6);
        double est = mi(dense[0], dense[1], Map.of());
        assertTrue(est > truth - 0.1 && est < truth + 0.05, "dense: " + est + " vs " + truth);
        Samples[] sparse = Synthetic.gaussian(4000, 4, 1, 0.8, 13);
        truth = Synthetic.gaussianMi(1, 0.8);
        est = mi(sparse[0], sparse[1], Map.of());
        assertTrue(est > truth - 0.1 && est < truth + 0.05, "sparse: " + est + " vs " + truth);
    }

    /** Student-t (nu = 3, rho = 0.5) and additive uniform noise; n = 4000, tolerance as for the Gaussian. */
    @Test
    void recoversNonGaussianMi() {
        Samples[] t = Synthetic.studentT(4000, 0.5, 3, 14);
        assertEquals(Synthetic.studentTMi(0.5, 3), mi(t[0], t[1], Map.of()), 0.06);
        Samples[] u = Synthetic.uniformNoise(4000, 0.5, 15);
        assertEquals(Synthetic.uniformNoiseMi(0.5), mi(u[0], u[1], Map.of()), 0.06);
    }

    /** MI is invariant under invertible maps of each variable; KSG is within its noise (same tolerance). */
    @Test
    void invariantUnderMonotoneTransforms() {
        Samples[] xy = Synthetic.gaussian(4000, 0.8, 16);
        double truth = Synthetic.gaussianMi(1, 0.8);
        double est = mi(Synthetic.map(xy[0], Math::exp), Synthetic.map(xy[1], v -> v * v * v + v), Map.of());
        assertEquals(truth, est, 0.06);
    }

    /** Threads split the queries only: the result is bit-for-bit the same. */
    @Test
    void threadsDoNotChangeTheResult() {
        Samples[] xy = Synthetic.gaussian(9000, 2, 2, 0.7, 17);
        assertEquals(mi(xy[0], xy[1], Map.of("threads", 1)), mi(xy[0], xy[1], Map.of("threads", 3)), 0.0);
    }

    /**
     * From {@link KdTree#VECTOR_DIMENSION} joint dimensions on, the estimate comes from wide leaves with SIMD scans
     * and whole-leaf query batches; it must equal the scalar tree path's (computed here from the scalar scans with
     * the narrow search leaves, as before) to rounding, on one thread and on three. Joint dimensions 8, 20 and 50.
     */
    @Test
    void manyDimensionsGiveTheScalarTreeEstimate() {
        int[][] shapes = {{4, 4, 1500}, {10, 10, 1200}, {25, 25, 600}};
        for (int[] shape : shapes) {
            Samples[] xy = Synthetic.gaussian(shape[2], shape[0], shape[0] / 2, 0.6, 21 + shape[0]);
            double reference = scalarTreeKsg(xy[0], xy[1], 3);
            Map<String, Object> params = Map.of("standardise", false);
            assertEquals(reference, mi(xy[0], xy[1], params), 1e-12, "dx = dy = " + shape[0]);
            assertEquals(reference, mi(xy[0], xy[1], Map.of("standardise", false, "threads", 3)), 1e-12);
        }
    }

    /** KSG algorithm 1 from the scalar KD-tree queries only (no SIMD, no batches, search leaves of 16). */
    private static double scalarTreeKsg(Samples x, Samples y, int k) {
        int n = x.rows();
        double[] xs = x.toRowMajor();
        double[] ys = y.toRowMajor();
        KdTree joint = new KdTree(NeighbourInputs.join(xs, x.cols(), ys, y.cols()), x.cols() + y.cols(),
                KdTree.SEARCH_LEAF).withScalarLeaves();
        KdTree tx = new KdTree(xs, x.cols(), 64).withScalarLeaves();
        KdTree ty = new KdTree(ys, y.cols(), 64).withScalarLeaves();
        KdTree.Scratch sj = new KdTree.Scratch(k, joint);
        KdTree.Scratch sx = new KdTree.Scratch(1, tx);
        KdTree.Scratch sy = new KdTree.Scratch(1, ty);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double eps = joint.knn(joint.position[i], k, sj);
            int nx = tx.countWithin(xs, i * x.cols(), eps, sx) - 1;
            int ny = ty.countWithin(ys, i * y.cols(), eps, sy) - 1;
            sum += Digamma.of(nx + 1) + Digamma.of(ny + 1);
        }
        return Digamma.of(k) + Digamma.of(n) - sum / n;
    }

    /** n = k + 1 rows; constant and infinite columns (the contract checks n = 1, NaN and unpaired inputs). */
    @Test
    void rejectsBadData() {
        Samples[] xy = Synthetic.gaussian(10, 0.5, 18);
        Samples three = Synthetic.gaussian(3, 0.5, 19)[0];
        assertThrows(InvalidDataException.class, () -> mi(three, three, Map.of("k", 3)), "n < k + 1");
        Samples constant = Synthetic.map(xy[0], v -> 1.0);
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> mi(constant, xy[1], Map.of()));
        assertTrue(e.getMessage().contains("constant"), e.getMessage());
        Samples inf = Synthetic.map(xy[0], v -> v > 0.5 ? Double.POSITIVE_INFINITY : v);
        assertThrows(InvalidDataException.class, () -> mi(inf, xy[1], Map.of()));
    }

    /** Four identical rows make the 3rd-neighbour distance 0: an error, unless jitter breaks the ties. */
    @Test
    void tiesAreAnErrorUnlessJittered() {
        double[] a = {0, 0, 0, 0, 1, 2, 3, 4, 5, 6};
        double[] b = {0, 0, 0, 0, 3, 1, 4, 1, 5, 9};
        Samples x = Reference.of("a", a);
        Samples y = Reference.of("b", b);
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> mi(x, y, Map.of()));
        assertTrue(e.getMessage().contains("jitter"), e.getMessage());
        assertTrue(Double.isFinite(mi(x, y, Map.of("jitter", 1e-10))));
    }

    @Property(tries = 10)
    void seedGivesSameJitteredResult(@ForAll long seed) {
        Samples[] xy = Synthetic.gaussian(200, 0.3, seed);
        assertEquals(mi(xy[0], xy[1], Map.of("jitter", 1e-6)), mi(xy[0], xy[1], Map.of("jitter", 1e-6)), 0.0);
    }
}
