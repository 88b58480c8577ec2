package org.milab.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.ConfigurationException;
import org.milab.api.MilabExtension;
import org.milab.api.data.Dataset;
import org.milab.api.data.DatasetProvider;
import org.milab.api.testkit.TestRunContext;

class TransformedTest implements GeneratorContract {

    @Override
    public DatasetProvider dataset() {
        return new Transformed();
    }

    @Override
    public MilabExtension[] contractComponents() {
        return new MilabExtension[] {new CorrelatedGaussian()};
    }

    private static Dataset load(Map<String, ?> params) {
        Transformed t = new Transformed();
        try (TestRunContext ctx = TestRunContext.of(t, 8, params).withComponents(new CorrelatedGaussian())) {
            return t.load(ctx);
        }
    }

    @Test
    void keepsTheBaseTruthAndMapsTheViews() {
        Dataset d = load(Map.of("base", "correlated-gaussian(n=500, dim=2, mi=0.7)", "x-maps", "normal-cdf", "y-maps",
                "half-cube, spiral"));
        assertEquals(0.7, d.trueMi("x", "y").orElseThrow().nats(), 1e-12);
        assertEquals(500, d.size());
        for (double v : d.view("x").toRowMajor()) {
            assertTrue(v > 0 && v < 1, "normal-cdf gives uniform margins");
        }
        // uniform margins: variance 1/12, sd of the sample variance ~ 0.0037 at n = 500: 5 sd
        assertEquals(1.0 / 12, Moments.variance(d.view("x").column(0)), 0.019);
    }

    @Test
    void rankStatisticsArePreservedByIncreasingMaps() {
        Dataset plain = load(Map.of("base", "correlated-gaussian(n=300, mi=1)"));
        Dataset mapped = load(Map.of("base", "correlated-gaussian(n=300, mi=1)", "x-maps", "asinh, wiggly", "y-maps", "normal-cdf"));
        // same seed for the base; coordinate-wise increasing maps keep every ordering
        double[] a = plain.view("x").column(0);
        double[] b = mapped.view("x").column(0);
        for (int i = 1; i < a.length; i++) {
            assertEquals(Double.compare(a[i], a[i - 1]), Double.compare(b[i], b[i - 1]));
        }
    }

    @Test
    void badAssignmentsAreConfigurationErrors() {
        assertThrows(ConfigurationException.class, () -> load(Map.of("base", "correlated-gaussian(n 500)")));
    }
}
