package org.milab.plugins.synthetic;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.special.Gamma;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.data.Dataset;
import org.milab.api.param.Parameter;
import org.pf4j.Extension;

/**
 * Multivariate Student-t (X, Y) with an equicorrelated dispersion matrix and {@code dof} degrees of freedom.
 *
 * <p>Sample: (X, Y) = L z sqrt(dof / u), z standard normal, u ~ chi^2(dof), L L^T the dispersion. Ground truth:
 * I(X;Y) = I_Gauss(dispersion) + c(dof, dx, dy), where c = h(dx) + h(dy) - h(dx + dy) and
 * h(k) = ln Gamma(dof/2) - ln Gamma((dof+k)/2) + (dof+k)/2 [psi((dof+k)/2) - psi(dof/2)] (+ k/2 ln(dof pi), which
 * cancels) is the entropy of a standard k-variate t. The correction is positive: heavy tails share information even
 * with an identity dispersion. Moments: covariance dof/(dof-2) times the dispersion for dof above 2.
 *
 * <p>Cost: O(n (dx+dy)^2) time, the two views in memory.
 */
@Extension
@Citation(authors = "Arellano-Valle, R. B., Contreras-Reyes, J. E., Genton, M. G.", year = 2013,
        title = "Shannon entropy and mutual information for multivariate skew-elliptical distributions",
        venue = "Scandinavian Journal of Statistics 40(1)", doi = "10.1111/j.1467-9469.2011.00774.x")
@Citation(authors = "Czyż, P., Grabowski, F., Vogt, J. E., Beerenwinkel, N., Marx, A.", year = 2023,
        title = "Beyond Normal: On the Evaluation of Mutual Information Estimators", venue = "NeurIPS 2023",
        arxiv = "2306.11078")
public final class StudentT extends AbstractXyProvider {

    static final Parameter<Integer> N = SizeParameters.N;
    static final Parameter<Integer> DIM_X = SizeParameters.dimX(1);
    static final Parameter<Integer> DIM_Y = SizeParameters.dimY(1);
    static final Parameter<Double> DOF = Parameter.real("dof").defaultValue(3.0).min(1e-3)
            .description("degrees of freedom (smaller = heavier tails)").build();
    static final Parameter<Double> CORRELATION = Parameter.real("correlation").defaultValue(0.0).range(0, 0.999)
            .description("off-diagonal entry of the equicorrelated dispersion matrix (0 = identity)").build();

    /** Declares views x and y sized by this generator's dimension parameters. */
    public StudentT() {
        super(DIM_X, DIM_Y);
    }

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("student-t",
                "Multivariate Student-t x, y; true MI = Gaussian part of the dispersion + closed-form tail correction.",
                N, DIM_X, DIM_Y, DOF, CORRELATION);
    }

    @Override
    public Dataset load(RunContext ctx) {
        int dx = ctx.param(DIM_X);
        Generator g = Generator.student(Gaussian.dense(dx, ctx.param(DIM_Y), ctx.param(CORRELATION)), dx,
                ctx.param(DOF));
        return g.dataset("student-t", ctx.param(N), ctx.splittableRandom());
    }

    /** c(dof, dx, dy) = h(dx) + h(dy) - h(dx+dy), in nats; independent of the dispersion. */
    static double correction(double dof, int dx, int dy) {
        return standardEntropy(dx, dof) + standardEntropy(dy, dof) - standardEntropy(dx + dy, dof);
    }

    /** Entropy of a standard k-variate t without the k/2 ln(dof pi) term (it cancels in the correction). */
    private static double standardEntropy(int k, double dof) {
        double half = 0.5 * (dof + k);
        return Gamma.logGamma(0.5 * dof) - Gamma.logGamma(half) + half * (digamma(half) - digamma(0.5 * dof));
    }

    /**
     * Digamma by upward recurrence to x >= 10 and the asymptotic series to x^-12 (error below 1e-14); more accurate
     * than commons-math3's, whose 2e-10 error showed in the correction.
     */
    static double digamma(double x) {
        double shift = 0;
        while (x < 10) {
            shift -= 1 / x;
            x += 1;
        }
        double r = 1 / (x * x);
        double series = r * (1.0 / 12 - r * (1.0 / 120 - r * (1.0 / 252 - r * (1.0 / 240 - r / 132))));
        return shift + Math.log(x) - 0.5 / x - series;
    }

    /** A chi-square(dof) variate: 2 Gamma(dof/2, 1). */
    static double chiSquare(double dof, RandomGenerator rng) {
        return 2 * gamma(0.5 * dof, rng);
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang (2000), with the shape-below-one boost. */
    static double gamma(double shape, RandomGenerator rng) {
        if (shape < 1) {
            double u = rng.nextDouble();
            return gamma(shape + 1, rng) * Math.pow(u, 1 / shape);
        }
        return marsagliaTsang(shape, rng);
    }

    /** Marsaglia and Tsang's squeeze-free rejection sampler for Gamma(shape >= 1, 1). */
    private static double marsagliaTsang(double shape, RandomGenerator rng) {
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = rng.nextGaussian();
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rng.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
