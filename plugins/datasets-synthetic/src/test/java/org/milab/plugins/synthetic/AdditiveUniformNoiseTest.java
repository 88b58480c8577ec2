package org.milab.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.data.Dataset;
import org.milab.api.data.DatasetProvider;

class AdditiveUniformNoiseTest implements GeneratorContract {

    @Override
    public DatasetProvider dataset() {
        return new AdditiveUniformNoise();
    }

    /** Density of Y = X + U(-e, e), X ~ U(0,1): overlap length of [y-e, y+e] with [0,1], over 2e. */
    private static double density(double y, double e) {
        return Math.max(0, Math.min(1, y + e) - Math.max(0, y - e)) / (2 * e);
    }

    @Test
    void closedFormMatchesNumericalEntropyIntegral() {
        for (double e : new double[] {0.05, 0.1, 0.5, 0.75, 2}) {
            // I = h(Y) - ln(2e); h(Y) by the midpoint rule on a fine grid (integrand is piecewise smooth)
            int m = 400_000;
            double lo = -e;
            double hi = 1 + e;
            double h = (hi - lo) / m;
            double ent = 0;
            for (int i = 0; i < m; i++) {
                double p = density(lo + (i + 0.5) * h, e);
                ent -= p > 0 ? p * Math.log(p) * h : 0;
            }
            assertEquals(ent - Math.log(2 * e), AdditiveUniformNoise.perCoordinate(e), 1e-6, "eps " + e);
        }
        assertEquals(1.7094379124341004, AdditiveUniformNoise.perCoordinate(0.1), 1e-12); // BMI table: 1.7
        assertEquals(1.0 / 3, AdditiveUniformNoise.perCoordinate(0.75), 1e-12); // BMI table: 0.3
    }

    @Test
    void groundTruthMatchesMonteCarloAndMomentsMatch() {
        int n = 20_000;
        double e = 0.3;
        Dataset d = Moments.load(new AdditiveUniformNoise(), 1, Map.of("n", n, "dim", 2, "epsilon", e));
        double[] x = d.view("x").column(1);
        double[] y = d.view("y").column(1);
        double[] pmi = new double[n];
        for (int i = 0; i < n; i++) {
            pmi[i] = -Math.log(2 * e) - Math.log(density(y[i], e));
        }
        Moments.MeanSe mc = Moments.meanSe(pmi);
        assertEquals(d.trueMi("x", "y").orElseThrow().nats() / 2, mc.mean(), 5 * mc.se());
        // mean 1/2 and variances 1/12 and 1/12 + e^2/3; sd of these sample moments < 0.003: 5 sd margins
        assertEquals(0.5, Moments.mean(y), 0.015);
        assertEquals(1.0 / 12, Moments.variance(x), 0.005);
        assertEquals(1.0 / 12 + e * e / 3, Moments.variance(y), 0.006);
    }
}
