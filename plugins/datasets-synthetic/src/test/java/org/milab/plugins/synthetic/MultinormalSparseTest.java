package org.milab.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.ConfigurationException;
import org.milab.api.data.Dataset;
import org.milab.api.data.DatasetProvider;

class MultinormalSparseTest implements GeneratorContract {

    @Override
    public DatasetProvider dataset() {
        return new MultinormalSparse();
    }

    @Test
    void withoutNoiseTheTruthIsASumOverPairs() {
        double truth = Moments.load(new MultinormalSparse(), 1, Map.of("n", 2, "dim-x", 25, "dim-y", 25))
                .trueMi("x", "y").orElseThrow().nats();
        assertEquals(-Math.log(1 - 0.64), truth, 1e-10); // BMI "2-pair" value 1.02
    }

    @Test
    void withNoiseTheTruthMatchesAnIndependentDeterminant() {
        int dx = 3;
        int dy = 4;
        double[][] s = Gaussian.sparse(dx, dy, 2, 0.6, 0.2);
        double expected = 0.5 * (Moments.logDet(sub(s, 0, dx)) + Moments.logDet(sub(s, dx, dx + dy)) - Moments.logDet(s));
        double truth = Moments.load(new MultinormalSparse(), 1,
                Map.of("n", 2, "dim-x", dx, "dim-y", dy, "signal", 0.6, "noise", 0.2)).trueMi("x", "y").orElseThrow().nats();
        assertEquals(expected, truth, 1e-10);
    }

    @Test
    void sampleCorrelationsFollowThePattern() {
        int n = 20_000;
        Dataset d = Moments.load(new MultinormalSparse(), 4, Map.of("n", n, "noise", 0.1));
        // sd of sample correlations at most 1/sqrt(n) = 0.007: 5 sd margins
        assertEquals(0.8, Moments.correlation(d.view("x").column(1), d.view("y").column(1)), 0.035);
        assertEquals(0, Moments.correlation(d.view("x").column(2), d.view("y").column(2)), 0.035);
        assertEquals(0.1, Moments.correlation(d.view("y").column(0), d.view("y").column(2)), 0.035);
    }

    @Test
    void tooManyPairsIsAConfigurationError() {
        assertThrows(ConfigurationException.class,
                () -> Moments.load(new MultinormalSparse(), 1, Map.of("dim-x", 1, "pairs", 2)));
    }

    private static double[][] sub(double[][] s, int from, int to) {
        return Gaussian.sub(s, Gaussian.range(from, to));
    }
}
