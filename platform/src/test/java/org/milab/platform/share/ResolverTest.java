package org.milab.platform.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Version resolution against Plugin-Requires and plugin dependencies, with PF4J's version rules. */
class ResolverTest {

    private RepositoryIndex index = RepositoryIndex.empty();

    private void offer(String id, String version, String requires, String... deps) {
        List<PluginMetadata.Dependency> d = new ArrayList<>();
        for (String dep : deps) {
            String[] f = dep.split("@");
            d.add(new PluginMetadata.Dependency(f[0].replace("?", ""), f.length > 1 ? f[1] : "*", f[0].endsWith("?")));
        }
        index = index.with(new PluginMetadata(id, version, requires, d, "", ""), new RepositoryIndex.PublishedVersion(
                version, requires, d, "plugins/" + id + "/" + id + "-" + version + ".jar", "0".repeat(64), 1, "k",
                List.of(), List.of()));
    }

    private List<String> resolve(String id, Map<String, String> installed) {
        return new Resolver(index, "1.4.0", installed).resolve(id, Optional.empty()).stream()
                .map(Resolver.Choice::label).toList();
    }

    @Test
    void backtracksToAnOlderVersionWhoseDependencyResolves() {
        offer("app", "2.0.0", ">=1.0.0", "lib@>=3.0.0");
        offer("app", "1.5.0", ">=1.0.0", "lib@>=1.0.0 & <2.0.0");
        offer("lib", "1.2.0", ">=1.0.0");
        offer("lib", "3.0.0", ">=2.0.0");
        assertEquals(List.of("lib 1.2.0", "app 1.5.0"), resolve("app", Map.of()));
    }

    @Test
    void anInstalledDependencyThatFitsIsKept() {
        offer("app", "1.0.0", ">=1.0.0", "lib@>=1.0.0");
        offer("lib", "1.9.0", ">=1.0.0");
        assertEquals(List.of("app 1.0.0"), resolve("app", Map.of("lib", "1.1.0")));
        assertEquals(List.of("lib 1.9.0", "app 1.0.0"), resolve("app", Map.of("lib", "0.9.0")));
    }

    @Test
    void anOptionalDependencyThatCannotBeResolvedIsSkipped() {
        offer("app", "1.0.0", ">=1.0.0", "extra?@>=1.0.0");
        assertEquals(List.of("app 1.0.0"), resolve("app", Map.of()));
    }

    @Test
    void everyReasonIsNamedWhenNothingFits() {
        offer("app", "2.0.0", ">=2.0.0");
        offer("app", "1.0.0", ">=1.0.0", "missing@>=1.0.0");
        ShareException e = assertThrows(ShareException.class, () -> resolve("app", Map.of()));
        assertTrue(e.getMessage().contains("2.0.0 requires plugin API >=2.0.0")
                && e.getMessage().contains("1.0.0 needs plugin missing: the repository has no such plugin"),
                e.getMessage());
    }

    @Test
    void aLongerCycleIsNamedInOrder() {
        offer("a", "1.0.0", "", "b");
        offer("b", "1.0.0", "", "c");
        offer("c", "1.0.0", "", "a");
        ShareException e = assertThrows(ShareException.class, () -> resolve("a", Map.of()));
        assertTrue(e.getMessage().contains("dependency cycle a -> b -> c -> a"), e.getMessage());
    }

    @Test
    void anIndexEntryPointingOutsideTheRepositoryIsRefused() {
        offer("p", "1.0.0", "");
        String json = new String(index.toJson()).replace("plugins/p/p-1.0.0.jar", "../../etc/passwd");
        ShareException e = assertThrows(ShareException.class, () -> RepositoryIndex.parse(json.getBytes(), "index.json"));
        assertTrue(e.getMessage().contains("index.json: plugin p 1.0.0 names file '../../etc/passwd'"), e.getMessage());
    }
}
