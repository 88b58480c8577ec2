package org.milab.plugins.synthetic;

import java.util.OptionalLong;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.data.Dataset;
import org.milab.api.data.DatasetProvider;
import org.milab.api.data.Samples;
import org.milab.api.param.Parameter;
import org.milab.api.param.ParameterValues;
import org.pf4j.Extension;

/**
 * Discrete labels with Gaussian class conditionals: Y uniform on {0..K-1}, X | Y=k ~ N(mu_k, I_dim) with
 * mu_k = (k - (K-1)/2) * separation * e_1 (class means on a line, the other dim-1 coordinates pure noise).
 *
 * <p>Ground truth: I(X;Y) = I(X_1;Y) (the other coordinates are independent of Y and of X_1 given Y)
 * = sum_k pi_k integral phi(x - mu_k) ln(phi(x - mu_k) / p(x)) dx with p the mixture density, integrated by
 * composite Simpson with Richardson extrapolation on [mu_min - 12, mu_max + 12]. Error: the Richardson estimate
 * (target below 1e-10 nats) plus the truncated tails, whose mass 2 Phi(-12) < 1e-32 times the bounded log ratio
 * (at most ln K) is negligible; the bound is recorded in the ground-truth method. Known limits: 0 <= I <= ln K.
 *
 * <p>Cost: O(n dim) to sample; the integral costs O(K) per node, a few thousand nodes.
 */
@Extension
@Citation(authors = "Cover, T. M., Thomas, J. A.", year = 2006, title = "Elements of Information Theory, 2nd ed.",
        venue = "Wiley", doi = "10.1002/047174882X")
public final class GaussianMixtureLabels implements DatasetProvider {

    static final Parameter<Integer> N = SizeParameters.N;
    static final Parameter<Integer> CLASSES = Parameter.integer("classes").defaultValue(2).range(2, 1000)
            .description("number of classes K (uniform prior)").build();
    static final Parameter<Integer> DIM = Parameter.integer("dim").defaultValue(1).min(1)
            .description("dimension of x (coordinates after the first carry no label information)").build();
    static final Parameter<Double> SEPARATION = Parameter.real("separation").defaultValue(2.0).min(0)
            .description("distance between neighbouring class means, in class standard deviations").build();

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("gaussian-mixture-labels",
                "Class labels with Gaussian class-conditional x; I(x;label) by quadrature with an error bound.",
                N, CLASSES, DIM, SEPARATION);
    }

    @Override
    public Set<String> declaredViews(ParameterValues parameters) {
        return Set.of("x", "label");
    }

    @Override
    public OptionalLong plannedValues(ParameterValues parameters) {
        return OptionalLong.of((long) parameters.get(N) * (parameters.get(DIM) + 1L));
    }

    @Override
    public Dataset load(RunContext ctx) {
        int n = ctx.param(N);
        int k = ctx.param(CLASSES);
        int dim = ctx.param(DIM);
        double sep = ctx.param(SEPARATION);
        RandomGenerator rng = ctx.splittableRandom();
        double[] x = new double[n * dim];
        double[] label = sample(x, dim, k, sep, rng);
        Quadrature.Result truth = mutualInformation(k, sep);
        return Dataset.builder("gaussian-mixture-labels")
                .view("x", Samples.wrap(n, dim, x, Samples.names("x", dim)))
                .view("label", Samples.wrap(n, 1, label, java.util.List.of("label")))
                .groundTruth("x", "label", truth.value(), quadratureNote(truth))
                .build();
    }

    private static String quadratureNote(Quadrature.Result truth) {
        return String.format(java.util.Locale.ROOT,
                "composite Simpson + Richardson on +-12 sd, estimated error %.1e nats, tails < 1e-30",
                truth.error() + 1e-15);
    }

    /** Fills the rows of {@code x}, each around the mean of a class drawn first; returns the classes. */
    private static double[] sample(double[] x, int dim, int k, double sep, RandomGenerator rng) {
        double[] label = new double[x.length / dim];
        for (int r = 0; r < label.length; r++) {
            int c = rng.nextInt(k);
            label[r] = c;
            for (int j = 0; j < dim; j++) {
                x[r * dim + j] = rng.nextGaussian() + (j == 0 ? mean(c, k, sep) : 0);
            }
        }
        return label;
    }

    /** Mean of class c on the first axis. */
    static double mean(int c, int k, double sep) {
        return (c - (k - 1) / 2.0) * sep;
    }

    /** I(X_1; Y) for K equiprobable classes with unit-variance normals {@code sep} apart, by quadrature. */
    static Quadrature.Result mutualInformation(int k, double sep) {
        double lo = mean(0, k, sep) - 12;
        double hi = mean(k - 1, k, sep) + 12;
        double[] mu = new double[k];
        for (int c = 0; c < k; c++) {
            mu[c] = mean(c, k, sep);
        }
        return Quadrature.simpson(x -> integrand(x, mu), lo, hi, 1e-11);
    }

    /** sum_c (1/K) phi(x - mu_c) ln(phi(x - mu_c) / p(x)), computed with log-sum-exp for stability. */
    private static double integrand(double x, double[] mu) {
        int k = mu.length;
        double[] logPhi = new double[k];
        for (int c = 0; c < k; c++) {
            logPhi[c] = -0.5 * (x - mu[c]) * (x - mu[c]);
        }
        double logMix = logMeanExp(logPhi);
        double sum = 0;
        for (int c = 0; c < k; c++) {
            sum += Math.exp(logPhi[c]) * (logPhi[c] - logMix);
        }
        return sum / (k * Math.sqrt(2 * Math.PI));
    }

    /** ln of the mean of exp(v), shifted by the maximum so that nothing overflows. */
    private static double logMeanExp(double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (double e : v) {
            max = Math.max(max, e);
        }
        double s = 0;
        for (double e : v) {
            s += Math.exp(e - max);
        }
        return max + Math.log(s / v.length);
    }
}
