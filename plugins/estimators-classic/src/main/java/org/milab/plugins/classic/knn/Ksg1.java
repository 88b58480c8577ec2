package org.milab.plugins.classic.knn;

import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimate;
import org.milab.api.estimate.Estimator;
import org.milab.plugins.classic.common.Digamma;
import org.milab.plugins.classic.common.ParallelSum;
import org.pf4j.Extension;

/**
 * Kraskov–Stögbauer–Grassberger estimator of I(X;Y), algorithm 1, in the max norm.
 *
 * <p>For each sample i let ε<sub>i</sub> be the distance from (x<sub>i</sub>, y<sub>i</sub>) to its k-th nearest
 * neighbour in the joint space, with ‖(x, y)‖ = max(‖x‖<sub>∞</sub>, ‖y‖<sub>∞</sub>), and let
 * n<sub>x,i</sub> (n<sub>y,i</sub>) count the other samples with ‖x<sub>j</sub> − x<sub>i</sub>‖ &lt; ε<sub>i</sub>
 * (‖y<sub>j</sub> − y<sub>i</sub>‖ &lt; ε<sub>i</sub>). Then
 * <pre>
 *   Î = ψ(k) + ψ(n) − ⟨ψ(n<sub>x</sub> + 1) + ψ(n<sub>y</sub> + 1)⟩
 * </pre>
 * (ψ the digamma function, ⟨·⟩ the mean over samples), in nats.
 *
 * <p>Assumptions and bias: continuous X and Y (ties make ε zero and are rejected unless {@code jitter} breaks
 * them). The estimate is exact in expectation for independent variables and biased downwards for strongly
 * dependent ones (the bias grows with I and with dimension, shrinks with n); it is not guaranteed non-negative.
 * With {@code standardise} (default) every column is divided by its standard deviation first, as scikit-learn does;
 * given the same data this class returns scikit-learn's {@code _compute_mi_cc} value to rounding.
 *
 * <p>Cost: O(n log n) time to build a KD-tree on the joint samples and, per marginal, a radix-sorted column with
 * a bucket table of positions (one dimension: each count is two short exact searches) or a KD-tree with
 * whole-subtree counting (several dimensions). A first pass finds every ε<sub>i</sub> (k-NN searched bottom-up
 * from the sample's own leaf); the counts then run in each marginal's own order, so memory is read nearly
 * sequentially. About O(log n + k) per query in low dimensions; memory O(n (d<sub>x</sub> + d<sub>y</sub>)).
 * All passes run on {@code threads} workers with no allocation per query; the result does not depend on the
 * thread count.
 *
 * <p>Reference: A. Kraskov, H. Stögbauer, P. Grassberger, Estimating mutual information, Phys. Rev. E 69, 066138
 * (2004).
 */
@Extension
@Citation(authors = "Kraskov, A., Stögbauer, H., Grassberger, P.", year = 2004,
        title = "Estimating mutual information", venue = "Physical Review E 69, 066138",
        doi = "10.1103/PhysRevE.69.066138")
public final class Ksg1 implements Estimator {

    private static final ExtensionInfo INFO = ExtensionInfo.of("ksg",
            "Kraskov-Stögbauer-Grassberger k-nearest-neighbour MI estimator, algorithm 1 (max norm).",
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
        int dx = in.dim(0);
        int dy = in.dim(1);
        double[] xs = in.values(0);
        double[] ys = in.values(1);
        int threads = ctx.param(KnnParameters.THREADS);
        // The search structures are independent, except that a 2-D joint tree is built from the sorted marginals.
        Marginal[] m = new Marginal[2];
        KdTree[] j = new KdTree[1];
        double[] joined = in.joined(0, 1);
        boolean twoColumns = dx == 1 && dy == 1;
        ParallelSum.runAll(threads, () -> m[0] = new Marginal(xs, dx), () -> m[1] = new Marginal(ys, dy),
                () -> j[0] = twoColumns ? null : new KdTree(joined, dx + dy));
        Marginal mx = m[0];
        Marginal my = m[1];
        KdTree joint = twoColumns ? Marginal.jointTree(joined, mx, my, threads) : j[0];
        // Pass 1: the k-th-neighbour distance of every sample, in joint-tree order, then moved to each marginal's
        // own order (a separate tight loop, so that the scattered writes overlap).
        double[] eps = kthNeighbourDistances(joint, k, threads, ctx);
        // Passes 2 and 3: the marginal counts, each in its marginal's order.
        double sum = mx.sumDigammaOfCountsPlusOne(inOrderOf(mx, joint, eps), threads, ctx::cancelled)
                + my.sumDigammaOfCountsPlusOne(inOrderOf(my, joint, eps), threads, ctx::cancelled);
        double mi = Digamma.of(k) + Digamma.of(n) - sum / n;
        return Estimate.of(mi, n).withDiagnostic("k", k);
    }

    /** {@code eps} (indexed by joint-tree position) moved to marginal {@code m}'s own order. */
    private static double[] inOrderOf(Marginal m, KdTree joint, double[] eps) {
        double[] radius = new double[eps.length];
        for (int t = 0; t < eps.length; t++) {
            radius[m.positionOf(joint.index[t])] = eps[t];
        }
        return radius;
    }

    /**
     * ε of every sample, indexed by joint-tree position: a leaf of queries at a time with SIMD leaves
     * ({@link LeafBatches}), else one search per sample. A zero distance (k + 1 equal samples) is an error.
     */
    static double[] kthNeighbourDistances(KdTree joint, int k, int threads, RunContext ctx) {
        double[] eps = joint.vectorLeaves() ? LeafBatches.kthDistances(joint, k, threads, ctx::cancelled)
                : oneByOne(joint, k, threads, ctx);
        for (int t = 0; t < joint.n; t++) {
            if (eps[t] == 0) {
                throw NeighbourInputs.tie(joint.index[t], k, "joint (x, y)");
            }
        }
        return eps;
    }

    private static double[] oneByOne(KdTree joint, int k, int threads, RunContext ctx) {
        double[] eps = new double[joint.n];
        ParallelSum.sum(joint.n, threads, (from, to) -> {
            KdTree.Scratch sj = new KdTree.Scratch(k, joint);
            for (int t = from; t < to; t++) {
                eps[t] = joint.knn(t, k, sj);
            }
            return 0;
        }, ctx::cancelled);
        return eps;
    }
}
