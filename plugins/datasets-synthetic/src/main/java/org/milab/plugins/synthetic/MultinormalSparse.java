package org.milab.plugins.synthetic;

import org.milab.api.Citation;
import org.milab.api.ConfigurationException;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.data.Dataset;
import org.milab.api.param.Parameter;
import org.pf4j.Extension;

/**
 * Multivariate normal (X, Y) where only {@code pairs} coordinate pairs (X_i, Y_i) interact ("sparse").
 *
 * <p>Unit variances; corr(X_i, Y_i) = signal for i below pairs; corr within X and within Y = noise; all other
 * correlations 0. Ground truth (closed form): 1/2 (ln det S_xx + ln det S_yy - ln det S). With noise 0 it is
 * -pairs/2 ln(1 - signal^2); with signal 0.8, noise 0 and 2 pairs this is the BMI "2-pair" family (1.02 nats at any
 * dimension).
 *
 * <p>Cost: O(d^3) once, O(n d^2) to sample, d = dx + dy.
 */
@Extension
@Citation(authors = "Czyż, P., Grabowski, F., Vogt, J. E., Beerenwinkel, N., Marx, A.", year = 2023,
        title = "Beyond Normal: On the Evaluation of Mutual Information Estimators", venue = "NeurIPS 2023",
        arxiv = "2306.11078")
public final class MultinormalSparse extends AbstractXyProvider {

    static final Parameter<Integer> N = SizeParameters.N;
    static final Parameter<Integer> DIM_X = SizeParameters.dimX(3);
    static final Parameter<Integer> DIM_Y = SizeParameters.dimY(3);
    static final Parameter<Integer> PAIRS = Parameter.integer("pairs").defaultValue(2).min(0)
            .description("number of interacting pairs (x_i, y_i); at most min(dim-x, dim-y)").build();
    static final Parameter<Double> SIGNAL = Parameter.real("signal").defaultValue(0.8).range(-0.999, 0.999)
            .description("correlation of each interacting pair").build();
    static final Parameter<Double> NOISE = Parameter.real("noise").defaultValue(0.0).range(0, 0.999)
            .description("correlation between coordinates within x and within y").build();

    /** Declares views x and y sized by this generator's dimension parameters. */
    public MultinormalSparse() {
        super(DIM_X, DIM_Y);
    }

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("multinormal-sparse",
                "Gaussian x, y in which only a few coordinate pairs are correlated; closed-form MI.",
                N, DIM_X, DIM_Y, PAIRS, SIGNAL, NOISE);
    }

    @Override
    public Dataset load(RunContext ctx) {
        int dx = ctx.param(DIM_X);
        int dy = ctx.param(DIM_Y);
        int pairs = ctx.param(PAIRS);
        if (pairs > Math.min(dx, dy)) {
            throw new ConfigurationException("parameter 'pairs'", "is " + pairs
                    + " but there are only min(dim-x, dim-y) = " + Math.min(dx, dy) + " coordinate pairs");
        }
        Generator g = generator(Gaussian.sparse(dx, dy, pairs, ctx.param(SIGNAL), ctx.param(NOISE)), dx);
        return g.dataset("multinormal-sparse", ctx.param(N), ctx.splittableRandom());
    }

    private static Generator generator(double[][] cov, int dx) {
        try {
            return Generator.gaussian(cov, dx);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("parameters 'signal', 'noise'", "give a covariance that is not positive "
                    + "definite; lower the signal or raise the noise (" + e.getMessage() + ")");
        }
    }
}
