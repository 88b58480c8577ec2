package org.milab.plugins.classic.knn;

import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimate;
import org.milab.api.estimate.Estimator;
import org.milab.plugins.classic.common.Digamma;
import org.pf4j.Extension;

/**
 * Kraskov–Stögbauer–Grassberger estimator of I(X;Y), algorithm 2, in the max norm.
 *
 * <p>For each sample i take its k nearest neighbours in the joint space (max norm over all coordinates); let
 * ε<sub>x,i</sub> (ε<sub>y,i</sub>) be the largest X-distance (Y-distance) from sample i to one of them, and
 * n<sub>x,i</sub> = #{j ≠ i : ‖x<sub>j</sub> − x<sub>i</sub>‖ ≤ ε<sub>x,i</sub>}, likewise n<sub>y,i</sub>. Then
 * <pre>
 *   Î = ψ(k) − 1/k + ψ(n) − ⟨ψ(n<sub>x</sub>) + ψ(n<sub>y</sub>)⟩
 * </pre>
 * in nats.
 *
 * <p>Assumptions and bias: as {@link Ksg1}; algorithm 2 uses separate X and Y widths, which lowers the bias for
 * high-dimensional or strongly dependent data at the price of a somewhat larger variance. Not guaranteed
 * non-negative.
 *
 * <p>Cost: as {@link Ksg1}, O(n log n) builds and about O(log n + k) per query in low dimensions; memory
 * O(n (d<sub>x</sub> + d<sub>y</sub>)).
 *
 * <p>Reference: A. Kraskov, H. Stögbauer, P. Grassberger, Estimating mutual information, Phys. Rev. E 69, 066138
 * (2004), eq. (9).
 */
@Extension
@Citation(authors = "Kraskov, A., Stögbauer, H., Grassberger, P.", year = 2004,
        title = "Estimating mutual information", venue = "Physical Review E 69, 066138",
        doi = "10.1103/PhysRevE.69.066138")
public final class Ksg2 implements Estimator {

    private static final ExtensionInfo INFO = ExtensionInfo.of("ksg2",
            "Kraskov-Stögbauer-Grassberger k-nearest-neighbour MI estimator, algorithm 2 (max norm).",
            KnnParameters.K, KnnParameters.THREADS, KnnParameters.JITTER, KnnParameters.STANDARDISE);

    @Override
    public ExtensionInfo info() {
        return INFO;
    }

    @Override
    public Estimate estimate(Samples x, Samples y, RunContext ctx) {
        NeighbourInputs in = NeighbourInputs.of(ctx, x, y);
        int k = in.k();
        int n = in.n();
        Widths widths = new Widths(in);
        double sum = PerSampleSum.over(n, ctx.param(KnnParameters.THREADS), ctx, () -> {
            KdTree.Scratch sj = new KdTree.Scratch(k, widths.joint);
            Marginal.Scratch sx = widths.x.scratch();
            Marginal.Scratch sy = widths.y.scratch();
            return t -> widths.sumDigammaOfCounts(t, k, sj, sx, sy);
        });
        double mi = Digamma.of(k) - 1.0 / k + Digamma.of(n) - sum / n;
        return Estimate.of(mi, n).withDiagnostic("k", k);
    }

    /** The joint search tree and the marginals of one call, and the per-sample term of the estimate. */
    private static final class Widths {
        final KdTree joint;
        final Marginal x;
        final Marginal y;
        private final int dx;

        Widths(NeighbourInputs in) {
            dx = in.dim(0);
            joint = new KdTree(in.joined(0, 1), dx + in.dim(1));
            x = new Marginal(in.values(0), dx);
            y = new Marginal(in.values(1), in.dim(1));
        }

        /**
         * ψ(n<sub>x</sub>) + ψ(n<sub>y</sub>) for the sample at joint-tree position t: its k nearest neighbours,
         * their largest X and Y distances ε<sub>x</sub>, ε<sub>y</sub>, and the closed counts within them.
         */
        double sumDigammaOfCounts(int t, int k, KdTree.Scratch sj, Marginal.Scratch sx, Marginal.Scratch sy) {
            int row = joint.index[t];
            if (joint.knn(t, k, sj) == 0) {
                throw NeighbourInputs.tie(row, k, "joint (x, y)");
            }
            double ex = 0;
            double ey = 0;
            for (int m = 0; m < k; m++) {
                ex = Math.max(ex, distance(t, sj.who[m], 0, dx));
                ey = Math.max(ey, distance(t, sj.who[m], dx, joint.d));
            }
            return Digamma.of(x.countOthersWithinClosed(row, ex, sx))
                    + Digamma.of(y.countOthersWithinClosed(row, ey, sy));
        }

        /** Max-norm distance between the points at tree positions s and t over the coordinates [from, to). */
        private double distance(int s, int t, int from, int to) {
            double[] p = joint.pts;
            int d = joint.d;
            double m = 0;
            for (int j = from; j < to; j++) {
                m = Math.max(m, Math.abs(p[s * d + j] - p[t * d + j]));
            }
            return m;
        }
    }
}
