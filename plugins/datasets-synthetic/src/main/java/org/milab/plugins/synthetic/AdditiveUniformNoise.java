package org.milab.plugins.synthetic;

import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.data.Dataset;
import org.milab.api.param.Parameter;
import org.pf4j.Extension;

/**
 * Uniform signal with additive uniform noise: X ~ U(0,1)^dim, Y = X + N, N ~ U(-eps, eps)^dim, coordinates
 * independent.
 *
 * <p>Ground truth per coordinate, I = h(Y) - h(N) = h(Y) - ln(2 eps), where Y has a trapezoidal density:
 * I = eps - ln(2 eps) for eps <= 1/2 and I = 1/(4 eps) for eps >= 1/2 (the two agree at 1/2); the total is dim times
 * that. Non-Gaussian, bounded support, with a density that is not smooth: hard for Gaussian-based estimators.
 *
 * <p>Cost: O(n dim) time and memory.
 */
@Extension
@Citation(authors = "Czyż, P., Grabowski, F., Vogt, J. E., Beerenwinkel, N., Marx, A.", year = 2023,
        title = "Beyond Normal: On the Evaluation of Mutual Information Estimators", venue = "NeurIPS 2023",
        arxiv = "2306.11078")
public final class AdditiveUniformNoise extends AbstractXyProvider {

    static final Parameter<Integer> N = SizeParameters.N;
    static final Parameter<Integer> DIM = Parameter.integer("dim").defaultValue(1).min(1)
            .description("dimension of x and y (independent coordinates)").build();
    static final Parameter<Double> EPSILON = Parameter.real("epsilon").defaultValue(0.1).min(1e-9)
            .description("half-width of the uniform noise").build();

    /** Declares views x and y sized by this generator's dimension parameters. */
    public AdditiveUniformNoise() {
        super(DIM, DIM);
    }

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("additive-uniform-noise",
                "x uniform on the unit cube, y = x + uniform noise on (-epsilon, epsilon); closed-form MI.",
                N, DIM, EPSILON);
    }

    @Override
    public Dataset load(RunContext ctx) {
        Generator g = Generator.additiveUniform(ctx.param(DIM), ctx.param(EPSILON));
        return g.dataset("additive-uniform-noise", ctx.param(N), ctx.splittableRandom());
    }

    /** I(X;Y) of one coordinate, in nats. */
    static double perCoordinate(double eps) {
        return eps <= 0.5 ? eps - Math.log(2 * eps) : 1 / (4 * eps);
    }
}
