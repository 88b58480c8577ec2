package org.milab.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.milab.api.data.Dataset;
import org.milab.api.data.DatasetProvider;
import org.milab.api.param.ParameterValues;

class MultimodalGaussianTest implements GeneratorContract {

    @Override
    public DatasetProvider dataset() {
        return new MultimodalGaussian();
    }

    @Test
    void closedFormsMatchAHandDerivation() {
        double noise = 0.7;
        double tau = 0.4;
        int ds = 3;
        Dataset d = Moments.load(new MultimodalGaussian(), 1, Map.of("n", 10, "shared-dim", ds, "specific-dim", 2,
                "noise", noise, "target-noise", tau, "modalities", 3));
        // each shared coordinate pair (s + noise e1, s + noise e2) has correlation 1/(1 + noise^2);
        // specific coordinates are independent across views
        double rho = 1 / (1 + noise * noise);
        assertEquals(-ds / 2.0 * Math.log(1 - rho * rho), d.trueMi("x1", "x3").orElseThrow().nats(), 1e-10);
        // y depends on x only through u = sum of shared coordinates / sqrt(ds); corr(u, y)^2 = 1/((1+n^2)(1+t^2))
        double r2 = 1 / ((1 + noise * noise) * (1 + tau * tau));
        assertEquals(-0.5 * Math.log(1 - r2), d.trueMi("x2", "y").orElseThrow().nats(), 1e-10);
        assertEquals(Math.log(2), d.trueMi("y", "label").orElseThrow().nats(), 1e-12);
        assertEquals(Set.of("x1", "x2", "x3", "y", "label"),
                new MultimodalGaussian().declaredViews(ParameterValues.bind(new MultimodalGaussian().info().parameters(),
                        Map.of("modalities", 3))));
    }

    @Test
    void labelTruthMatchesMonteCarloOfTheProbitPosterior() {
        int n = 20_000;
        double noise = 0.5;
        double tau = 0.5;
        Dataset d = Moments.load(new MultimodalGaussian(), 2, Map.of("n", n, "shared-dim", 1, "specific-dim", 1));
        double[] x = d.view("x1").column(0);
        double[] lab = d.view("label").column(0);
        // y = s + tau e, x = s + noise e': E[y|x] = x / (1 + noise^2), Var(y|x) = 1 + tau^2 - 1/(1 + noise^2)
        double slope = 1 / (1 + noise * noise);
        double sd = Math.sqrt(1 + tau * tau - slope);
        double[] pmi = new double[n];
        for (int i = 0; i < n; i++) {
            double p1 = Diffeomorphism.normalCdf(slope * x[i] / sd);
            pmi[i] = Math.log((lab[i] == 1 ? p1 : 1 - p1) / 0.5);
        }
        Moments.MeanSe mc = Moments.meanSe(pmi);
        assertEquals(d.trueMi("x1", "label").orElseThrow().nats(), mc.mean(), 5 * mc.se());
    }

    @Test
    void sampleCovariancesMatchTheModel() {
        int n = 20_000;
        Dataset d = Moments.load(new MultimodalGaussian(), 3, Map.of("n", n, "specific-weight", 0.5));
        double[] shared1 = d.view("x1").column(0);
        double[] shared2 = d.view("x2").column(0);
        double[] specific1 = d.view("x1").column(2);
        double[] y = d.view("y").column(0);
        // cov(shared coords across views) = 1, var = 1.25; cov(specific p_1,0 + noise, y) = w = 0.5;
        // sd of sample covariances < 0.012: 5 sd margins
        assertEquals(1.0, Moments.covariance(shared1, shared2), 0.06);
        assertEquals(1.25, Moments.variance(shared1), 0.07);
        assertEquals(0.5, Moments.covariance(specific1, y), 0.06);
    }
}
