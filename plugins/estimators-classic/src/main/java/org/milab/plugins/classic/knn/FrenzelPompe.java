package org.milab.plugins.classic.knn;

import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.data.Samples;
import org.milab.api.estimate.ConditionalMiEstimator;
import org.milab.api.estimate.Estimate;
import org.milab.plugins.classic.common.Digamma;
import org.pf4j.Extension;

/**
 * Frenzel–Pompe k-nearest-neighbour estimator of the conditional mutual information I(X;Y|Z), in the max norm
 * (the KSG construction applied to conditioning).
 *
 * <p>With ε<sub>i</sub> the distance from (x<sub>i</sub>, y<sub>i</sub>, z<sub>i</sub>) to its k-th nearest
 * neighbour in the joint space, and n<sub>xz,i</sub>, n<sub>yz,i</sub>, n<sub>z,i</sub> the numbers of other
 * samples strictly closer than ε<sub>i</sub> in the (X,Z), (Y,Z) and Z subspaces,
 * <pre>
 *   Î = ψ(k) − ⟨ψ(n<sub>xz</sub> + 1) + ψ(n<sub>yz</sub> + 1) − ψ(n<sub>z</sub> + 1)⟩
 * </pre>
 * in nats.
 *
 * <p>Assumptions and bias: continuous X, Y, Z; the errors of the three entropy terms partly cancel, as in KSG, but
 * the bias grows with the dimension of Z. Not guaranteed non-negative.
 *
 * <p>Cost: one joint KD-tree and three marginal structures, O(n log n) to build, about O(log n + k) per query in
 * low dimensions; memory O(n (d<sub>x</sub> + d<sub>y</sub> + d<sub>z</sub>)).
 *
 * <p>Reference: S. Frenzel, B. Pompe, Partial mutual information for coupling analysis of multivariate time
 * series, Phys. Rev. Lett. 99, 204101 (2007).
 */
@Extension
@Citation(authors = "Frenzel, S., Pompe, B.", year = 2007,
        title = "Partial mutual information for coupling analysis of multivariate time series",
        venue = "Physical Review Letters 99, 204101", doi = "10.1103/PhysRevLett.99.204101")
public final class FrenzelPompe implements ConditionalMiEstimator {

    private static final ExtensionInfo INFO = ExtensionInfo.of("ksg-cmi",
            "Frenzel-Pompe k-nearest-neighbour estimator of conditional mutual information I(X;Y|Z) (max norm).",
            KnnParameters.K, KnnParameters.THREADS, KnnParameters.JITTER, KnnParameters.STANDARDISE);

    @Override
    public ExtensionInfo info() {
        return INFO;
    }

    @Override
    public Estimate estimate(Samples x, Samples y, Samples z, RunContext ctx) {
        NeighbourInputs in = NeighbourInputs.of(ctx, x, y, z);
        int k = in.k();
        int n = in.n();
        Spaces spaces = new Spaces(in);
        double sum = PerSampleSum.over(n, ctx.param(KnnParameters.THREADS), ctx, () -> spaces.term(k));
        double cmi = Digamma.of(k) - sum / n;
        return Estimate.of(cmi, n).withDiagnostic("k", k);
    }

    /** The joint search tree and the (X, Z), (Y, Z) and Z marginals of one call. */
    private static final class Spaces {
        private final KdTree joint;
        private final Marginal xz;
        private final Marginal yz;
        private final Marginal z;

        Spaces(NeighbourInputs in) {
            int dx = in.dim(0);
            int dy = in.dim(1);
            int dz = in.dim(2);
            double[] zs = in.values(2);
            double[] xzs = in.joined(0, 2);
            double[] yzs = in.joined(1, 2);
            joint = new KdTree(NeighbourInputs.join(xzs, dx + dz, in.values(1), dy), dx + dy + dz);
            xz = new Marginal(xzs, dx + dz);
            yz = new Marginal(yzs, dy + dz);
            z = new Marginal(zs, dz);
        }

        /**
         * One chunk's term ψ(n<sub>xz</sub> + 1) + ψ(n<sub>yz</sub> + 1) − ψ(n<sub>z</sub> + 1) of the sample at
         * joint-tree position t, with its own search buffers; a zero ε (k + 1 equal samples) is an error.
         */
        PerSampleSum.Term term(int k) {
            KdTree.Scratch sj = new KdTree.Scratch(k, joint);
            Marginal.Scratch sxz = xz.scratch();
            Marginal.Scratch syz = yz.scratch();
            Marginal.Scratch sz = z.scratch();
            return t -> {
                double eps = joint.knn(t, k, sj);
                int row = joint.index[t];
                if (eps == 0) {
                    throw NeighbourInputs.tie(row, k, "joint (x, y, z)");
                }
                return Digamma.of(xz.countOthersWithin(row, eps, sxz) + 1)
                        + Digamma.of(yz.countOthersWithin(row, eps, syz) + 1)
                        - Digamma.of(z.countOthersWithin(row, eps, sz) + 1);
            };
        }
    }
}
