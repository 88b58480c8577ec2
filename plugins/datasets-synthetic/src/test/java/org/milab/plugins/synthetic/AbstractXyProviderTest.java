package org.milab.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.milab.api.data.Dataset;
import org.milab.api.param.ParameterValues;
import org.milab.api.testkit.TestRunContext;

class AbstractXyProviderTest {

    @Test
    void everyTwoViewGeneratorPlansWhatItLoads() {
        assertPlansWhatItLoads(new MultinormalSparse(), Map.of("n", 7, "dim-x", 4, "dim-y", 2));
        assertPlansWhatItLoads(new StudentT(), Map.of("n", 5, "dim-x", 1, "dim-y", 3));
        assertPlansWhatItLoads(new MultinormalDense(), Map.of("n", 6, "dim-x", 2, "dim-y", 5));
        assertPlansWhatItLoads(new AdditiveUniformNoise(), Map.of("n", 9, "dim", 3));
        assertPlansWhatItLoads(new CorrelatedGaussian(), Map.of("n", 8, "dim", 2));
    }

    @Test
    void plansInLongArithmetic() {
        ParameterValues huge = new MultinormalDense().info()
                .bind(Map.of("n", Integer.MAX_VALUE, "dim-x", Integer.MAX_VALUE, "dim-y", Integer.MAX_VALUE));
        assertEquals(OptionalLong.of(2L * Integer.MAX_VALUE * Integer.MAX_VALUE),
                new MultinormalDense().plannedValues(huge));
    }

    private static void assertPlansWhatItLoads(AbstractXyProvider gen, Map<String, ?> params) {
        Dataset d;
        try (TestRunContext ctx = TestRunContext.of(gen, 1, params)) {
            d = gen.load(ctx);
        }
        long loaded = 0;
        for (String view : d.viewNames()) {
            loaded += (long) d.view(view).rows() * d.view(view).cols();
        }
        String name = gen.info().name();
        assertEquals(Set.of("x", "y"), Set.copyOf(d.viewNames()), name);
        assertEquals(gen.declaredViews(gen.info().bind(params)), Set.copyOf(d.viewNames()), name);
        assertEquals(OptionalLong.of(loaded), gen.plannedValues(gen.info().bind(params)), name);
    }
}
