package org.milab.platform.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.milab.api.ConfigurationException;
import org.milab.platform.MilabVersion;
import org.milab.platform.testing.Cli;

/** Every built-in plugin loads and exposes extensions (a forgotten annotation processor would yield none). */
class BuiltinPluginsTest {

    @Test
    void everyBuiltinPluginLoadsWithExtensions() {
        try (PluginHost host = PluginHost.start(List.of(Cli.dist().resolve("plugins")), MilabVersion.current())) {
            assertFalse(host.plugins().isEmpty(), "built-in plugins are installed by the build");
            for (PluginStatus p : host.plugins()) {
                assertEquals(PluginStatus.State.LOADED, p.state(), p.id() + ": " + p.problem());
                assertFalse(p.extensions().isEmpty(), p.id() + " exposes extensions");
                assertTrue(p.sha256().matches("[0-9a-f]{64}"), p.id());
            }
            assertTrue(host.registry().find("ksg", List.of(Role.ESTIMATOR)).isPresent());
        }
    }

    @Test
    void unknownNamesGetSuggestions() {
        try (PluginHost host = PluginHost.start(List.of(Cli.dist().resolve("plugins")), MilabVersion.current())) {
            ConfigurationException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigurationException.class,
                    () -> host.registry().resolve("gausian", List.of(Role.ESTIMATOR), "here"));
            assertTrue(e.getMessage().contains("did you mean 'gaussian'?"), e.getMessage());
        }
    }
}
