package org.milab.plugins.neural;

import java.util.random.RandomGenerator;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.data.Dataset;
import org.milab.api.data.DatasetProvider;
import org.milab.api.data.Samples;
import org.milab.api.param.Parameter;

/**
 * Test generator for {@code fresh-data}: the pairs of {@link GaussianPairs} ({@code x ~ N(0, I_dim)},
 * {@code y = rho x + sqrt(1 - rho^2) e}, {@code I(X;Y) = mi} nats in closed form), {@code n} of them, seeded from the
 * context. The real generators live in another plugin, which this one must not depend on.
 */
final class GaussianGenerator implements DatasetProvider {

    static final Parameter<Integer> N = Parameter.integer("n").defaultValue(1000).min(1)
            .description("number of pairs").build();
    static final Parameter<Integer> DIM = Parameter.integer("dim").defaultValue(2).min(1)
            .description("columns of x and of y").build();
    static final Parameter<Double> MI = Parameter.real("mi").defaultValue(1.0).range(0, 20).unit("nats")
            .description("true I(x;y)").build();

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("test-gaussian", "Correlated Gaussian pairs with a chosen MI, for tests.", N, DIM, MI);
    }

    @Override
    public Dataset load(RunContext ctx) {
        int n = ctx.param(N);
        int d = ctx.param(DIM);
        double rho = GaussianPairs.rho(ctx.param(MI), d);
        double noise = Math.sqrt(1 - rho * rho);
        RandomGenerator r = ctx.splittableRandom();
        double[] xs = new double[n * d];
        double[] ys = new double[n * d];
        for (int i = 0; i < n * d; i++) {
            xs[i] = r.nextGaussian();
            ys[i] = rho * xs[i] + noise * r.nextGaussian();
        }
        return Dataset.builder("test-gaussian")
                .view("x", Samples.wrap(n, d, xs, Samples.names("x", d)))
                .view("y", Samples.wrap(n, d, ys, Samples.names("y", d)))
                .groundTruth("x", "y", ctx.param(MI), "closed form")
                .build();
    }
}
