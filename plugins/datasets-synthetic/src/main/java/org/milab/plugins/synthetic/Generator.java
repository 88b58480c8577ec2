package org.milab.plugins.synthetic;

import java.util.random.RandomGenerator;
import org.milab.api.data.Dataset;

/** A joint distribution of (X, Y) that can be sampled and whose I(X;Y) is known; the generators' shared kernel. */
interface Generator {

    /** n paired samples. */
    Joint sample(int n, RandomGenerator rng);

    /** The true I(X;Y) in nats. */
    double mutualInformation();

    /** How {@link #mutualInformation()} is known, for the ground-truth record. */
    String method();

    /**
     * {@code n} paired samples as the dataset {@code name}: views x and y and, as their ground truth, this
     * distribution's I(x;y) with how it is known.
     */
    default Dataset dataset(String name, int n, RandomGenerator rng) {
        return sample(n, rng).toDataset(name, mutualInformation(), method());
    }

    /** Dimension of X. */
    int dimX();

    /** Dimension of Y. */
    int dimY();

    /** This distribution pushed through {@code fx} x {@code fy}; injective smooth maps keep the MI. */
    default Generator transformed(RowMap fx, RowMap fy, String label) {
        Generator base = this;
        return new Assembled((n, rng) -> base.sample(n, rng).map(fx, fy), base.mutualInformation(),
                base.method() + "; invariant under the injective maps " + label, fx.outDim(base.dimX()),
                fy.outDim(base.dimY()));
    }

    /** Multivariate normal with covariance {@code cov}, X the first {@code dx} coordinates. */
    static Generator gaussian(double[][] cov, int dx) {
        double mi = Gaussian.mutualInformation(cov, dx);
        Gaussian.cholesky(cov); // fail early on an invalid covariance
        return new Assembled((n, rng) -> Gaussian.sample(cov, dx, n, rng, null), mi,
                "closed form: 1/2 ln(det S_xx det S_yy / det S)", dx, cov.length - dx);
    }

    /** Multivariate Student-t with dispersion {@code disp} and {@code dof} degrees of freedom. */
    static Generator student(double[][] disp, int dx, double dof) {
        int dy = disp.length - dx;
        double mi = Gaussian.mutualInformation(disp, dx) + StudentT.correction(dof, dx, dy);
        Gaussian.cholesky(disp);
        return new Assembled(
                (n, rng) -> Gaussian.sample(disp, dx, n, rng, () -> Math.sqrt(dof / StudentT.chiSquare(dof, rng))),
                mi, "closed form: Gaussian MI of the dispersion + Student-t correction (Arellano-Valle et al. 2013)",
                dx, dy);
    }

    /** X ~ U(0,1)^dim, Y = X + U(-eps, eps)^dim, coordinates independent. */
    static Generator additiveUniform(int dim, double eps) {
        double mi = dim * AdditiveUniformNoise.perCoordinate(eps);
        return new Assembled((n, rng) -> additiveUniformSample(n, dim, eps, rng), mi,
                "closed form: eps - ln(2 eps) for eps <= 1/2, 1/(4 eps) otherwise, per coordinate", dim, dim);
    }

    private static Joint additiveUniformSample(int n, int dim, double eps, RandomGenerator rng) {
        double[] x = new double[n * dim];
        double[] y = new double[n * dim];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble();
            y[i] = x[i] + eps * (2 * rng.nextDouble() - 1);
        }
        return new Joint(n, dim, x, dim, y);
    }

    /** Draws n paired samples. */
    @FunctionalInterface
    interface Sampler {
        /** n paired samples. */
        Joint sample(int n, RandomGenerator rng);
    }

    /**
     * A generator assembled from its parts.
     *
     * @param sampler           how to draw samples
     * @param mutualInformation the true I(X;Y) in nats
     * @param method            how the MI is known
     * @param dimX              dimension of X
     * @param dimY              dimension of Y
     */
    record Assembled(Sampler sampler, double mutualInformation, String method, int dimX, int dimY)
            implements Generator {
        @Override
        public Joint sample(int n, RandomGenerator rng) {
            return sampler.sample(n, rng);
        }
    }
}
