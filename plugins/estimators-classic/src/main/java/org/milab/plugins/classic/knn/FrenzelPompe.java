package org.milab.plugins.classic.knn;

import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.data.Samples;
import org.milab.api.estimate.ConditionalMiEstimator;
import org.milab.api.estimate.Estimate;
import org.milab.plugins.classic.common.Digamma;
import org.milab.plugins.classic.common.ParallelSum;
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
        int dx = in.dim(0);
        int dy = in.dim(1);
        int dz = in.dim(2);
        double[] zs = in.values(2);
        double[] xz = in.joined(0, 2);
        double[] yz = in.joined(1, 2);
        KdTree joint = new KdTree(NeighbourInputs.join(xz, dx + dz, in.values(1), dy), dx + dy + dz);
        Marginal mxz = new Marginal(xz, dx + dz);
        Marginal myz = new Marginal(yz, dy + dz);
        Marginal mz = new Marginal(zs, dz);
        double sum = ParallelSum.sum(n, ctx.param(KnnParameters.THREADS), (from, to) -> {
            KdTree.Scratch sj = new KdTree.Scratch(k, joint);
            Marginal.Scratch sxz = mxz.scratch();
            Marginal.Scratch syz = myz.scratch();
            Marginal.Scratch sz = mz.scratch();
            double acc = 0;
            for (int t = from; t < to; t++) {
                double eps = joint.knn(t, k, sj);
                int row = joint.index[t];
                if (eps == 0) {
                    throw NeighbourInputs.tie(row, k, "joint (x, y, z)");
                }
                acc += Digamma.of(mxz.countOthersWithin(row, eps, sxz) + 1)
                        + Digamma.of(myz.countOthersWithin(row, eps, syz) + 1)
                        - Digamma.of(mz.countOthersWithin(row, eps, sz) + 1);
            }
            return acc;
        }, ctx::cancelled);
        double cmi = Digamma.of(k) - sum / n;
        return Estimate.of(cmi, n).withDiagnostic("k", k);
    }
}
