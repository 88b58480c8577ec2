package org.milab.plugins.classic.knn;

import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.data.Samples;
import org.milab.api.estimate.EntropyEstimator;
import org.milab.api.estimate.Estimate;
import org.milab.plugins.classic.common.Digamma;
import org.pf4j.Extension;

/**
 * Kozachenko–Leonenko k-nearest-neighbour estimator of the differential entropy H(X), in the max norm.
 *
 * <p>With ε<sub>i</sub> the max-norm distance from x<sub>i</sub> to its k-th nearest neighbour and d the dimension
 * (the max-norm ball of radius ε has volume (2ε)<sup>d</sup>),
 * <pre>
 *   Ĥ = ψ(n) − ψ(k) + d ⟨log(2 ε)⟩
 * </pre>
 * in nats. The data are used in their own units (entropy is not scale-invariant: H(aX) = H(X) + d log|a|).
 *
 * <p>Assumptions and bias: a continuous density; the estimator is asymptotically unbiased and consistent, with a
 * bias that grows with dimension and with the curvature of the density (heavy tails, bounded supports); exact
 * duplicates make ε zero and are rejected unless {@code jitter} breaks them.
 *
 * <p>Cost: O(n log n) for the KD-tree, about O(log n + k) per query in low dimensions; memory O(n d).
 *
 * <p>Reference: L. F. Kozachenko, N. N. Leonenko, Sample estimate of the entropy of a random vector, Problems of
 * Information Transmission 23 (1987); in the max-norm form of Kraskov et al. (2004), eq. (20).
 */
@Extension
@Citation(authors = "Kozachenko, L. F., Leonenko, N. N.", year = 1987,
        title = "Sample estimate of the entropy of a random vector",
        venue = "Problems of Information Transmission 23(2), 95-101")
@Citation(authors = "Kraskov, A., Stögbauer, H., Grassberger, P.", year = 2004,
        title = "Estimating mutual information", venue = "Physical Review E 69, 066138",
        doi = "10.1103/PhysRevE.69.066138")
public final class KozachenkoLeonenko implements EntropyEstimator {

    private static final ExtensionInfo INFO = ExtensionInfo.of("kl-entropy",
            "Kozachenko-Leonenko k-nearest-neighbour estimator of differential entropy (max norm).",
            KnnParameters.K, KnnParameters.THREADS, KnnParameters.JITTER);

    @Override
    public ExtensionInfo info() {
        return INFO;
    }

    @Override
    public Estimate entropy(Samples x, RunContext ctx) {
        NeighbourInputs in = NeighbourInputs.of(ctx, false, ctx.param(KnnParameters.JITTER), x);
        int k = in.k();
        int n = in.n();
        int d = in.dim(0);
        KdTree tree = new KdTree(in.values(0), d);
        double sum = PerSampleSum.over(n, ctx.param(KnnParameters.THREADS), ctx, () -> {
            KdTree.Scratch s = new KdTree.Scratch(k, tree);
            return t -> {
                double eps = tree.knn(t, k, s);
                if (eps == 0) {
                    throw NeighbourInputs.tie(tree.index[t], k, "x");
                }
                return Math.log(2 * eps);
            };
        });
        double h = Digamma.of(n) - Digamma.of(k) + d * sum / n;
        return Estimate.of(h, n).withDiagnostic("k", k);
    }
}
