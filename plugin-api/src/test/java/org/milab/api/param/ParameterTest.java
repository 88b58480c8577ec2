package org.milab.api.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.milab.api.ConfigurationException;
import org.milab.api.ExtensionInfo;

class ParameterTest {

    enum Method { EQUAL_WIDTH, EQUAL_FREQUENCY }

    static final Parameter<Integer> K = Parameter.integer("k").defaultValue(3).min(1).description("neighbours").build();
    static final Parameter<Double> TAU = Parameter.real("tau").defaultValue(Double.POSITIVE_INFINITY).min(0)
            .description("clip").build();
    static final Parameter<Method> METHOD = Parameter.choice("method", Method.class).defaultValue(Method.EQUAL_WIDTH)
            .description("binning").build();
    static final Parameter<List<Integer>> HIDDEN = Parameter.integers("hidden").defaultValue(List.of(256, 256)).min(1)
            .description("layer sizes").build();
    static final Parameter<String> NAME = Parameter.string("name").description("required text").build();

    @Test
    void parsesTheFormsYamlAndTheCommandLineProduce() {
        assertEquals(5, K.parse(5));
        assertEquals(5, K.parse(5L));
        assertEquals(5, K.parse("5"));
        assertEquals(Double.POSITIVE_INFINITY, TAU.parse("inf"));
        assertEquals(0.5, TAU.parse(0.5));
        assertEquals(2.0, TAU.parse(2));
        assertEquals(Method.EQUAL_FREQUENCY, METHOD.parse("equal-frequency"));
        assertEquals(Method.EQUAL_FREQUENCY, METHOD.parse("EQUAL_FREQUENCY"));
        assertEquals(List.of(64, 32), HIDDEN.parse(List.of(64, 32)));
        assertEquals(List.of(64, 32), HIDDEN.parse("[64, 32]"));
    }

    @Test
    void rejectsWithTheExpectedForm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> K.parse(0));
        assertEquals("expected an integer in [1, inf), got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> K.parse(2.5));
        assertThrows(IllegalArgumentException.class, () -> TAU.parse("nan"));
        assertThrows(IllegalArgumentException.class, () -> TAU.parse(-1.0));
        e = assertThrows(IllegalArgumentException.class, () -> METHOD.parse("equal"));
        assertTrue(e.getMessage().contains("one of equal-width, equal-frequency"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HIDDEN.parse(List.of(64, 0)));
    }

    @Test
    void bindingCollectsEveryProblem() {
        ParameterException e = assertThrows(ParameterException.class, () -> ParameterValues.bind(
                List.of(K, TAU, NAME), Map.of("k", 0, "tau", "x", "extra", 1)));
        assertEquals(4, e.problems().size(), e.getMessage());
        ConfigurationException c = assertThrows(ConfigurationException.class, () -> new ExtensionInfo("x", "x",
                List.of(K, TAU, NAME)).bind(Map.of("k", 0, "tau", "x", "extra", 1)));
        assertEquals(e.problems().stream().map(ParameterProblem::where).toList(),
                c.problems().stream().map(org.milab.api.Problem::where).toList());
        assertTrue(c.problems().contains(new org.milab.api.Problem("parameter 'extra'",
                "unknown parameter; declared: k, tau, name")), c.getMessage());
    }

    @Test
    void componentRolesAreInterfaces() {
        assertEquals(Optional.of(Runnable.class),
                Parameter.component("c", Runnable.class).description("x").build().componentRole());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Parameter.component("c", String.class));
        assertTrue(e.getMessage().contains("interface"), e.getMessage());
    }

    @Test
    void defaultsAreFilledAndFormatsRoundTrip() {
        ParameterValues v = ParameterValues.bind(List.of(K, TAU, METHOD, HIDDEN), Map.of("k", 7));
        assertEquals(7, v.get(K));
        assertEquals(Method.EQUAL_WIDTH, v.get(METHOD));
        assertEquals(Map.of("k", "7", "tau", "inf", "method", "equal-width", "hidden", "[256,256]"), v.asText());
        for (var p : List.of(K, TAU, METHOD, HIDDEN)) {
            assertEquals(v.asMap().get(p.name()), p.parse(p.format(v.asMap().get(p.name()))));
        }
    }

    @Test
    void declarationsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Parameter.integer("K").description("x").build());
        assertThrows(IllegalArgumentException.class, () -> Parameter.integer("k").build());
        assertThrows(IllegalArgumentException.class,
                () -> Parameter.integer("k").defaultValue(0).min(1).description("x").build());
    }
}
