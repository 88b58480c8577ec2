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
 * Gao–Kannan–Oh–Viswanath estimator of I(X;Y) for discrete–continuous mixtures (each of X, Y may be discrete,
 * continuous, or a mixture of both), in the max norm.
 *
 * <p>Let ρ<sub>i</sub> be the joint max-norm distance from sample i to its k-th nearest neighbour. When
 * ρ<sub>i</sub> &gt; 0, let k̃<sub>i</sub> = k and n<sub>x,i</sub>, n<sub>y,i</sub> count the samples (i included)
 * strictly closer than ρ<sub>i</sub> in X and in Y; when ρ<sub>i</sub> = 0 (a point mass), let k̃<sub>i</sub>,
 * n<sub>x,i</sub>, n<sub>y,i</sub> count the samples (i included) at distance 0 in the joint space, in X and in Y.
 * Then
 * <pre>
 *   Î = ⟨ψ(k̃) + log n − ψ(n<sub>x</sub>) − ψ(n<sub>y</sub>)⟩
 * </pre>
 * in nats, as in the authors' reference code. On continuous data it is KSG algorithm 1 with log n for ψ(n); on
 * discrete data it is the plug-in estimator with a digamma correction.
 *
 * <p>Assumptions and bias: consistent for mixtures of point masses and densities; bias as KSG on continuous parts.
 * Not guaranteed non-negative. Ties are expected (they are the discrete part) and are never an error.
 *
 * <p>Cost: a joint KD-tree and two marginal structures, O(n log n) to build, about O(log n + k + duplicates) per
 * query; memory O(n (d<sub>x</sub> + d<sub>y</sub>)).
 *
 * <p>Reference: W. Gao, S. Kannan, S. Oh, P. Viswanath, Estimating mutual information for discrete-continuous
 * mixtures, NeurIPS 2017.
 */
@Extension
@Citation(authors = "Gao, W., Kannan, S., Oh, S., Viswanath, P.", year = 2017,
        title = "Estimating mutual information for discrete-continuous mixtures",
        venue = "Advances in Neural Information Processing Systems 30", arxiv = "1709.06212")
public final class GaoMixed implements Estimator {

    private static final ExtensionInfo INFO = ExtensionInfo.of("gao-mixed",
            "Gao et al. k-nearest-neighbour MI estimator for discrete-continuous mixtures (max norm).",
            KnnParameters.K, KnnParameters.THREADS, KnnParameters.STANDARDISE);

    @Override
    public ExtensionInfo info() {
        return INFO;
    }

    @Override
    public Estimate estimate(Samples x, Samples y, RunContext ctx) {
        NeighbourInputs in = NeighbourInputs.of(ctx, ctx.param(KnnParameters.STANDARDISE), 0, x, y);
        int k = in.k();
        int n = in.n();
        Spaces spaces = new Spaces(in);
        double sum = PerSampleSum.over(n, ctx.param(KnnParameters.THREADS), ctx, () -> spaces.term(k));
        double mi = Math.log(n) + sum / n;
        return Estimate.of(mi, n).withDiagnostic("k", k);
    }

    /** The joint search tree and the X and Y marginals of one call. */
    private static final class Spaces {
        private final KdTree joint;
        private final Marginal x;
        private final Marginal y;

        Spaces(NeighbourInputs in) {
            joint = new KdTree(in.joined(0, 1), in.dim(0) + in.dim(1));
            x = new Marginal(in.values(0), in.dim(0));
            y = new Marginal(in.values(1), in.dim(1));
        }

        /**
         * One chunk's term ψ(k̃) − ψ(n<sub>x</sub>) − ψ(n<sub>y</sub>) of the sample at joint-tree position t (see
         * the class comment; the point-mass case when ρ = 0), with its own search buffers.
         */
        PerSampleSum.Term term(int k) {
            KdTree.Scratch sj = new KdTree.Scratch(k, joint);
            Marginal.Scratch sx = x.scratch();
            Marginal.Scratch sy = y.scratch();
            return t -> {
                double rho = joint.knn(t, k, sj);
                int row = joint.index[t];
                if (rho > 0) {
                    return Digamma.of(k) - Digamma.of(x.countOthersWithin(row, rho, sx) + 1)
                            - Digamma.of(y.countOthersWithin(row, rho, sy) + 1);
                }
                int same = joint.countWithin(joint.pts, t * joint.d, Double.MIN_VALUE, sj);
                return Digamma.of(same) - Digamma.of(x.countOthersWithinClosed(row, 0, sx) + 1)
                        - Digamma.of(y.countOthersWithinClosed(row, 0, sy) + 1);
            };
        }
    }
}
