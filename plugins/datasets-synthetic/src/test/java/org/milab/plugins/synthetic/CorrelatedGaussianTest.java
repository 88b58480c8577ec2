package org.milab.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.milab.api.data.Dataset;
import org.milab.api.data.DatasetProvider;
import org.milab.api.param.ParameterValues;
import org.milab.api.testkit.TestRunContext;

class CorrelatedGaussianTest implements GeneratorContract {

    private final CorrelatedGaussian gen = new CorrelatedGaussian();

    @Override
    public DatasetProvider dataset() {
        return gen;
    }

    private Dataset load(long seed, Map<String, ?> params) {
        try (TestRunContext ctx = TestRunContext.of(gen, seed, params)) {
            return gen.load(ctx);
        }
    }

    @Test
    void declaresTheViewsItProduces() {
        Dataset d = load(1, Map.of("n", 10, "dim", 3));
        assertEquals(gen.declaredViews(ParameterValues.defaults(gen.info().parameters())), Set.copyOf(d.viewNames()));
        assertEquals(java.util.List.of("x0", "x1", "x2"), d.view("x").columnNames());
        assertEquals(java.util.List.of("y0", "y1", "y2"), d.view("y").columnNames());
        assertEquals(10, d.size());
    }

    @Test
    void sampleMomentsMatchTheDesign() {
        int n = 20_000;
        Dataset d = load(7, Map.of("n", n, "dim", 2, "mi", 1.2));
        double rho = CorrelatedGaussian.correlationFor(0.6);
        for (int c = 0; c < 2; c++) {
            double[] x = d.view("x").column(c);
            double[] y = d.view("y").column(c);
            // sd of a sample mean is 1/sqrt(n) = 0.007, of a sample variance sqrt(2/n) = 0.01: 5 sd margins
            assertEquals(0, Moments.mean(x), 0.035);
            assertEquals(0, Moments.mean(y), 0.035);
            assertEquals(1, Moments.variance(x), 0.05);
            assertEquals(1, Moments.variance(y), 0.05);
            // sd of a sample correlation is (1 - rho^2)/sqrt(n) = 0.0032 at rho = 0.84: 5 sd margin
            assertEquals(rho, Moments.correlation(x, y), 0.016);
        }
        // different pairs are independent: sd 1/sqrt(n) = 0.007, 5 sd margin
        assertEquals(0, Moments.correlation(d.view("x").column(0), d.view("y").column(1)), 0.035);
    }

    @Test
    void groundTruthMatchesTheLogDeterminantFormula() {
        for (double mi : new double[] {0, 0.1, 1, 4}) {
            int dim = 3;
            double rho = CorrelatedGaussian.correlationFor(mi / dim);
            // independent computation: I = 1/2 ln(det Sx det Sy / det S) with the joint covariance written out
            double[][] joint = new double[2 * dim][2 * dim];
            for (int i = 0; i < 2 * dim; i++) {
                joint[i][i] = 1;
            }
            for (int i = 0; i < dim; i++) {
                joint[i][dim + i] = rho;
                joint[dim + i][i] = rho;
            }
            double logDetJoint = Moments.logDet(joint);
            double truth = load(3, Map.of("n", 5, "dim", dim, "mi", mi)).trueMi("x", "y").orElseThrow().nats();
            assertEquals(-0.5 * logDetJoint, truth, 1e-9);
            assertEquals(mi, truth, 0);
        }
    }

    @Test
    void groundTruthMatchesMonteCarloLogDensityRatio() {
        int n = 40_000;
        double mi = 0.8;
        Dataset d = load(11, Map.of("n", n, "dim", 1, "mi", mi));
        double rho = CorrelatedGaussian.correlationFor(mi);
        double[] x = d.view("x").column(0);
        double[] y = d.view("y").column(0);
        double sum = 0;
        double sumSq = 0;
        double q = 1 - rho * rho;
        for (int i = 0; i < n; i++) {
            double pmi = -0.5 * Math.log(q) - (x[i] * x[i] - 2 * rho * x[i] * y[i] + y[i] * y[i]) / (2 * q)
                    + (x[i] * x[i] + y[i] * y[i]) / 2;
            sum += pmi;
            sumSq += pmi * pmi;
        }
        double mean = sum / n;
        double se = Math.sqrt((sumSq / n - mean * mean) / n);
        // Monte Carlo mean of the pointwise MI is unbiased; 5 standard errors
        assertEquals(d.trueMi("x", "y").orElseThrow().nats(), mean, 5 * se);
    }
}
