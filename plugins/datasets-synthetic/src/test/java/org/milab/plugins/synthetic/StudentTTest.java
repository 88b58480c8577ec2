package org.milab.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;
import org.milab.api.data.Dataset;
import org.milab.api.data.DatasetProvider;

class StudentTTest implements GeneratorContract {

    @Override
    public DatasetProvider dataset() {
        return new StudentT();
    }

    /** ln density of a standard k-variate t with identity dispersion at squared norm q, written out directly. */
    private static double logT(double q, int k, double nu) {
        return Gamma.logGamma((nu + k) / 2) - Gamma.logGamma(nu / 2) - k / 2.0 * Math.log(nu * Math.PI)
                - (nu + k) / 2 * Math.log1p(q / nu);
    }

    @Test
    void correctionMatchesPublishedBenchmarkValues() {
        // values of the BMI paper's Student-t tasks (identity dispersion), recomputed with scipy's gammaln/digamma
        assertEquals(0.22417142752923613, StudentT.correction(1, 1, 1), 1e-12);
        assertEquals(0.43194562200144127, StudentT.correction(1, 2, 2), 1e-12);
        assertEquals(0.1931471805599454, StudentT.correction(2, 2, 2), 1e-12);
        assertEquals(0.29092192268276484, StudentT.correction(2, 3, 3), 1e-12);
        assertEquals(0.17871185309236282, StudentT.correction(3, 3, 3), 1e-12);
        assertEquals(0.44815067691532917, StudentT.correction(2, 5, 5), 1e-12);
        assertEquals(0.29854362265275824, StudentT.correction(3, 5, 5), 1e-12);
    }

    @Test
    void groundTruthMatchesMonteCarloPointwiseMi() {
        int n = 20_000;
        double nu = 2;
        Dataset d = Moments.load(new StudentT(), 3, Map.of("n", n, "dim-x", 2, "dim-y", 2, "dof", nu));
        double[] pmi = new double[n];
        for (int i = 0; i < n; i++) {
            double qx = sq(d.view("x").row(i));
            double qy = sq(d.view("y").row(i));
            pmi[i] = logT(qx + qy, 4, nu) - logT(qx, 2, nu) - logT(qy, 2, nu);
        }
        Moments.MeanSe mc = Moments.meanSe(pmi);
        // the Monte Carlo mean of the pointwise MI is unbiased; 5 standard errors
        assertEquals(d.trueMi("x", "y").orElseThrow().nats(), mc.mean(), 5 * mc.se());
    }

    @Test
    void covarianceIsDofOverDofMinusTwoTimesDispersion() {
        int n = 40_000;
        double nu = 10;
        Dataset d = Moments.load(new StudentT(), 5, Map.of("n", n, "dof", nu, "correlation", 0.5));
        double[] x = d.view("x").column(0);
        double[] y = d.view("y").column(0);
        double scale = nu / (nu - 2);
        // t10 has kurtosis 4; sd of the sample variance ~ 1.25 sqrt(4/n) = 0.0125: 5 sd margin
        assertEquals(scale, Moments.variance(x), 0.065);
        assertEquals(0.5 * scale, Moments.covariance(x, y), 0.05);
        assertEquals(0, Moments.mean(x), 5 * Math.sqrt(scale / n));
    }

    @Test
    void gammaVariatesHaveTheRightMeanAndVariance() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(9);
        for (double shape : new double[] {0.5, 1, 3.5}) {
            double[] v = new double[20_000];
            for (int i = 0; i < v.length; i++) {
                v[i] = StudentT.gamma(shape, rng);
            }
            // Gamma(shape,1): mean = var = shape; se of the mean sqrt(shape/n)
            assertEquals(shape, Moments.mean(v), 5 * Math.sqrt(shape / v.length));
            assertEquals(shape, Moments.variance(v), 0.1 * shape + 0.05);
        }
    }

    private static double sq(double[] v) {
        double s = 0;
        for (double a : v) {
            s += a * a;
        }
        return s;
    }
}
