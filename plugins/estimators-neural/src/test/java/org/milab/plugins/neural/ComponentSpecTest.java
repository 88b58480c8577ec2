package org.milab.plugins.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.ConfigurationException;

class ComponentSpecTest {

    @Test
    void readsNamesAndParameters() {
        assertEquals(new ComponentSpec("infonce", Map.of(), "infonce"), ComponentSpec.parse(" infonce ", "bound"));
        ComponentSpec c = ComponentSpec.parse("separable-critic(hidden=[128, 64], embedding=16)", "critic");
        assertEquals("separable-critic", c.name());
        assertEquals(Map.of("hidden", "[128, 64]", "embedding", "16"), c.parameters());
        assertEquals("my-lab/my-bound", ComponentSpec.parse("my-lab/my-bound()", "bound").name());
    }

    @Test
    void readsLists() {
        List<ComponentSpec> specs = ComponentSpec.parseList("dv, smile(tau=1), smile(tau=inf),", "bounds");
        assertEquals(List.of("dv", "smile(tau=1)", "smile(tau=inf)"), specs.stream().map(ComponentSpec::text).toList());
        assertEquals("inf", specs.get(2).parameters().get("tau"));
    }

    @Test
    void rejectsMalformedText() {
        for (String bad : new String[] {"", "Smile", "smile(tau=1", "smile(tau)", "smile(tau=1, tau=2)", "a b"}) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> ComponentSpec.parse(bad, "bound"), bad);
            assertTrue(e.getMessage().startsWith("parameter 'bound': cannot read"), e.getMessage());
        }
        assertThrows(ConfigurationException.class, () -> ComponentSpec.parseList(" , ", "bounds"));
    }
}
