package org.milab.plugins.synthetic;

import java.util.random.RandomGenerator;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.data.Dataset;
import org.milab.api.data.Samples;
import org.milab.api.param.Parameter;
import org.pf4j.Extension;

/**
 * Paired Gaussian views X, Y in R^dim with a chosen total mutual information, the standard sanity check for MI
 * estimators.
 *
 * <p>The pairs (X_i, Y_i), i = 1..dim, are independent, each standard bivariate normal with correlation
 * {@code rho = sqrt(1 - exp(-2 mi / dim))}: X_i = Z_i, Y_i = rho Z_i + sqrt(1 - rho^2) W_i. Each pair carries
 * {@code -1/2 ln(1 - rho^2) = mi / dim} nats, so I(X;Y) = mi exactly (closed form). Both views have standard normal
 * margins.
 *
 * <p>Cost: O(n dim) time, two n x dim matrices of memory (written once, wrapped without copying).
 */
@Extension
@Citation(authors = "Cover, T. M., Thomas, J. A.", year = 2006, title = "Elements of Information Theory, 2nd ed.",
        venue = "Wiley", doi = "10.1002/047174882X")
public final class CorrelatedGaussian extends AbstractXyProvider {

    static final Parameter<Integer> N = SizeParameters.N;
    static final Parameter<Integer> DIM = Parameter.integer("dim").defaultValue(1).min(1)
            .description("dimension of each of x and y (independent correlated pairs)").build();
    static final Parameter<Double> MI = Parameter.real("mi").defaultValue(1.0).range(0, 50).unit("nats")
            .description("true I(x;y), spread evenly over the dim pairs").build();

    /** Declares views x and y sized by this generator's dimension parameters. */
    public CorrelatedGaussian() {
        super(DIM, DIM);
    }

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("correlated-gaussian",
                "Gaussian x, y in R^dim made of independent correlated pairs with a chosen total I(x;y).", N, DIM, MI);
    }

    @Override
    public Dataset load(RunContext ctx) {
        int n = ctx.param(N);
        int dim = ctx.param(DIM);
        double mi = ctx.param(MI);
        double rho = correlationFor(mi / dim);
        double noise = Math.exp(-mi / dim); // sqrt(1 - rho^2), computed without cancellation
        double[][] xy = sample(n * dim, rho, noise, ctx.splittableRandom());
        return Dataset.builder("correlated-gaussian")
                .view("x", Samples.wrap(n, dim, xy[0], Samples.names("x", dim)))
                .view("y", Samples.wrap(n, dim, xy[1], Samples.names("y", dim)))
                .groundTruth("x", "y", mi, "closed form: dim * (-1/2 ln(1 - rho^2))")
                .metadata("rho", Double.toString(rho))
                .build();
    }

    /** {x, y}: {@code count} standard normals x and as many rho x + noise N(0, 1), drawn pair by pair. */
    private static double[][] sample(int count, double rho, double noise, RandomGenerator rng) {
        double[] x = new double[count];
        double[] y = new double[count];
        for (int i = 0; i < count; i++) {
            double z = rng.nextGaussian();
            x[i] = z;
            y[i] = rho * z + noise * rng.nextGaussian();
        }
        return new double[][] {x, y};
    }

    /** The correlation of a standard bivariate normal pair carrying {@code nats} of mutual information. */
    static double correlationFor(double nats) {
        return Math.sqrt(-Math.expm1(-2 * nats));
    }
}
