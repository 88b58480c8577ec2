package org.milab.plugins.synthetic;

import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.data.Dataset;
import org.milab.api.param.Parameter;
import org.pf4j.Extension;

/**
 * Multivariate normal (X, Y) with every off-diagonal correlation equal ("dense" interactions).
 *
 * <p>Covariance S = (1 - c) I + c 11^T of size dx + dy, unit variances. Ground truth (closed form):
 * I = 1/2 (ln det S_xx + ln det S_yy - ln det S), with det of a k x k equicorrelation matrix
 * (1 - c)^(k-1) (1 + (k-1) c). The MI grows only like ln k with the dimension while the estimation gets harder.
 *
 * <p>Cost: O(d^3) once for the Cholesky factor, O(n d^2) to sample, d = dx + dy; the two views in memory.
 */
@Extension
@Citation(authors = "Czyż, P., Grabowski, F., Vogt, J. E., Beerenwinkel, N., Marx, A.", year = 2023,
        title = "Beyond Normal: On the Evaluation of Mutual Information Estimators", venue = "NeurIPS 2023",
        arxiv = "2306.11078")
public final class MultinormalDense extends AbstractXyProvider {

    static final Parameter<Integer> N = SizeParameters.N;
    static final Parameter<Integer> DIM_X = SizeParameters.dimX(2);
    static final Parameter<Integer> DIM_Y = SizeParameters.dimY(2);
    static final Parameter<Double> CORRELATION = Parameter.real("correlation").defaultValue(0.5).range(0, 0.999)
            .description("correlation between any two distinct coordinates").build();

    /** Declares views x and y sized by this generator's dimension parameters. */
    public MultinormalDense() {
        super(DIM_X, DIM_Y);
    }

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("multinormal-dense",
                "Gaussian x, y with all pairwise correlations equal; closed-form MI.", N, DIM_X, DIM_Y, CORRELATION);
    }

    @Override
    public Dataset load(RunContext ctx) {
        int dx = ctx.param(DIM_X);
        Generator g = Generator.gaussian(Gaussian.dense(dx, ctx.param(DIM_Y), ctx.param(CORRELATION)), dx);
        return g.dataset("multinormal-dense", ctx.param(N), ctx.splittableRandom());
    }
}
