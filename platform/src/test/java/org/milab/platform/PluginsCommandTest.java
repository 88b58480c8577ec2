package org.milab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milab.platform.run.Json;
import org.milab.platform.testing.Cli;

/** {@code milab plugins list|describe|schema}, all derived from the extensions' own declarations. */
class PluginsCommandTest {

    @TempDir
    Path tmp;

    @Test
    void describeShowsParametersAndCitation() {
        Cli.Result r = Cli.run(tmp, "plugins", "describe", "ksg");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("estimators-classic/ksg"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("k ") && l.contains("integer") && l.contains("[1, inf)")),
                r.out());
        assertTrue(r.out().contains("stderr"), "host parameters are listed: " + r.out());
        assertTrue(r.out().contains("Kraskov"), r.out());
        Cli.Result unknown = Cli.run(tmp, "plugins", "describe", "ksgg");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("did you mean 'ksg'"), unknown.err());
    }

    @Test
    void listAsJson() {
        Cli.Result r = Cli.run(tmp, "plugins", "list", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        List<?> plugins = (List<?>) Json.parse(r.out());
        assertTrue(plugins.stream().map(p -> (Map<?, ?>) p).anyMatch(p -> p.get("id").equals("estimators-classic")
                && ((List<?>) p.get("extensions")).contains("ksg") && p.get("state").equals("loaded")), r.out());
    }

    @Test
    void schemaDerivesFromDeclarations() {
        Cli.Result r = Cli.run(tmp, "plugins", "schema");
        assertEquals(0, r.exitCode(), r.err());
        Map<?, ?> schema = (Map<?, ?>) Json.parse(r.out());
        Map<?, ?> node = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) schema.get("properties")).get("nodes"))
                .get("additionalProperties");
        Map<?, ?> ksg = ((List<?>) node.get("allOf")).stream().map(o -> (Map<?, ?>) o)
                .filter(o -> o.toString().contains("enum=[ksg, estimators-classic/ksg]")).findFirst().orElseThrow();
        Map<?, ?> with = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ksg.get("then")).get("properties")).get("with");
        Map<?, ?> k = (Map<?, ?>) ((Map<?, ?>) with.get("properties")).get("k");
        assertEquals("integer", k.get("type"));
        assertEquals(1.0, k.get("minimum"));
        assertEquals(3.0, k.get("default"));
    }
}
