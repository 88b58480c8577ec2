package org.milab.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.data.Dataset;
import org.milab.api.data.DatasetProvider;

class GaussianMixtureLabelsTest implements GeneratorContract {

    @Override
    public DatasetProvider dataset() {
        return new GaussianMixtureLabels();
    }

    @Test
    void truthMatchesMonteCarloOfThePosterior() {
        int n = 20_000;
        int k = 3;
        double sep = 1.5;
        Dataset d = Moments.load(new GaussianMixtureLabels(), 4, Map.of("n", n, "classes", k, "separation", sep, "dim", 2));
        double[] x = d.view("x").column(0);
        double[] y = d.view("label").column(0);
        double[] pmi = new double[n];
        for (int i = 0; i < n; i++) {
            double num = 0;
            double den = 0;
            for (int c = 0; c < k; c++) {
                double w = Math.exp(-0.5 * Math.pow(x[i] - (c - 1) * sep, 2));
                den += w;
                if (c == (int) y[i]) {
                    num = w;
                }
            }
            pmi[i] = Math.log(num / den) + Math.log(k); // ln p(y|x) - ln p(y)
        }
        Moments.MeanSe mc = Moments.meanSe(pmi);
        assertEquals(d.trueMi("x", "label").orElseThrow().nats(), mc.mean(), 5 * mc.se());
    }

    @Test
    void limitsAreZeroAndLogK() {
        assertEquals(0, GaussianMixtureLabels.mutualInformation(4, 0).value(), 1e-10);
        assertEquals(Math.log(4), GaussianMixtureLabels.mutualInformation(4, 40).value(), 1e-10);
        // two classes two sd apart: I = ln 2 - E h(posterior); known value 0.3144 nats? checked below by a finer rule
        Quadrature.Result r = GaussianMixtureLabels.mutualInformation(2, 2);
        double fine = 0;
        int m = 2_000_000;
        double lo = -14;
        double h = 28.0 / m;
        for (int i = 0; i < m; i++) {
            double x = lo + (i + 0.5) * h;
            double a = Math.exp(-0.5 * (x + 1) * (x + 1)) / Math.sqrt(2 * Math.PI);
            double b = Math.exp(-0.5 * (x - 1) * (x - 1)) / Math.sqrt(2 * Math.PI);
            double p = 0.5 * (a + b);
            fine += h * 0.5 * (a * Math.log(a / p) + b * Math.log(b / p));
        }
        assertEquals(fine, r.value(), 1e-9);
    }

    @Test
    void labelsAreBalancedAndClassMeansAreRight() {
        int n = 20_000;
        Dataset d = Moments.load(new GaussianMixtureLabels(), 5, Map.of("n", n, "separation", 3.0));
        double[] y = d.view("label").column(0);
        double[] x = d.view("x").column(0);
        // label mean 1/2, sd 0.0035: 5 sd; class-1 mean 1.5, sd 0.01: 5 sd
        assertEquals(0.5, Moments.mean(y), 0.018);
        double s = 0;
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (y[i] == 1) {
                s += x[i];
                c++;
            }
        }
        assertEquals(1.5, s / c, 0.05);
    }
}
