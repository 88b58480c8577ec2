package org.milab.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.data.Dataset;
import org.milab.api.data.DatasetProvider;

class MultinormalDenseTest implements GeneratorContract {

    @Override
    public DatasetProvider dataset() {
        return new MultinormalDense();
    }

    /** ln det of a k x k equicorrelation matrix: (1-c)^(k-1) (1 + (k-1) c). */
    private static double logDetEqui(int k, double c) {
        return (k - 1) * Math.log(1 - c) + Math.log(1 + (k - 1) * c);
    }

    @Test
    void groundTruthMatchesEquicorrelationDeterminants() {
        int[][] dims = {{2, 2}, {3, 5}, {25, 25}, {50, 50}};
        for (int[] dd : dims) {
            double c = 0.5;
            double expected = 0.5 * (logDetEqui(dd[0], c) + logDetEqui(dd[1], c) - logDetEqui(dd[0] + dd[1], c));
            double truth = Moments.load(new MultinormalDense(), 1, Map.of("n", 2, "dim-x", dd[0], "dim-y", dd[1]))
                    .trueMi("x", "y").orElseThrow().nats();
            assertEquals(expected, truth, 1e-10);
        }
    }

    @Test
    void sampleCorrelationsAreEqual() {
        int n = 20_000;
        Dataset d = Moments.load(new MultinormalDense(), 2, Map.of("n", n, "dim-x", 2, "dim-y", 3, "correlation", 0.3));
        // sd of a sample correlation (1 - 0.09)/sqrt(n) = 0.0064: 5 sd margin
        assertEquals(0.3, Moments.correlation(d.view("x").column(0), d.view("x").column(1)), 0.032);
        assertEquals(0.3, Moments.correlation(d.view("x").column(1), d.view("y").column(2)), 0.032);
        assertEquals(1, Moments.variance(d.view("y").column(0)), 0.05);
    }
}
