package org.milab.platform.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milab.platform.MilabVersion;
import org.milab.platform.testing.Cli;

/** The per-folder extension index: written by a full start, used to start one plugin, ignored when stale. */
class ExtensionIndexTest {

    @TempDir
    Path folder;

    private void install(String... plugins) throws IOException {
        for (String p : plugins) {
            Files.copy(Cli.dist().resolve("plugins").resolve(p + ".zip"), folder.resolve(p + ".zip"));
        }
    }

    private static List<String> ids(PluginHost host) {
        return host.plugins().stream().map(PluginStatus::id).sorted().toList();
    }

    @Test
    void aFullStartIndexesAndANamedStartLoadsOnlyTheHolder() throws IOException {
        install("estimators-classic", "datasets-synthetic");
        try (PluginHost all = PluginHost.start(List.of(folder), MilabVersion.current())) {
            assertEquals(List.of("datasets-synthetic", "estimators-classic"), ids(all));
        }
        assertTrue(ExtensionIndex.read(folder).isPresent(), "a full start writes the index");
        try (PluginHost one = PluginHost.startFor(List.of(folder), MilabVersion.current(), "ksg")) {
            assertEquals(List.of("estimators-classic"), ids(one));
            assertEquals(List.of("ksg"), names(one), "only the named extension is created");
        }
        try (PluginHost qualified = PluginHost.startFor(List.of(folder), MilabVersion.current(),
                "datasets-synthetic/correlated-gaussian")) {
            assertEquals(List.of("datasets-synthetic"), ids(qualified));
        }
        try (PluginHost unknown = PluginHost.startFor(List.of(folder), MilabVersion.current(), "no-such-thing")) {
            assertEquals(2, unknown.plugins().size(), "an unknown name starts everything (for the suggestions)");
        }
    }

    private static List<String> names(PluginHost host) {
        return host.registry().all().stream().map(ExtensionHandle::name).toList();
    }

    @Test
    void theIndexNamesEachExtensionsClass() throws IOException {
        install("estimators-classic");
        try (PluginHost all = PluginHost.start(List.of(folder), MilabVersion.current())) {
            java.util.Map<String, String> indexed = ExtensionIndex.read(folder).orElseThrow().get(0).extensions();
            assertEquals(names(all), List.copyOf(indexed.keySet()));
            all.registry().all().forEach(e ->
                    assertEquals(e.instance().getClass().getName(), indexed.get(e.name()), e.name()));
        }
    }

    @Test
    void anExtensionWithComponentsStartsEverything() throws IOException {
        install("estimators-classic", "datasets-synthetic");
        PluginHost.start(List.of(folder), MilabVersion.current()).close();
        try (PluginHost auto = PluginHost.startFor(List.of(folder), MilabVersion.current(), "auto")) {
            assertEquals(2, auto.plugins().size(), "auto's components may be any plugin's estimators");
            assertTrue(auto.registry().find("ksg", List.of(Role.ESTIMATOR)).isPresent());
        }
    }

    @Test
    void anIndexWithoutClassNamesIsStaleAndRewritten() throws IOException {
        install("estimators-classic");
        PluginHost.start(List.of(folder), MilabVersion.current()).close();
        Path file = folder.resolve(ExtensionIndex.FILE);
        Files.writeString(file, Files.readString(file).replaceAll("=[^,\\n]*", ""));
        assertTrue(ExtensionIndex.read(folder).isEmpty(), "the format before class names reads as stale");
        try (PluginHost host = PluginHost.startFor(List.of(folder), MilabVersion.current(), "ksg")) {
            assertTrue(names(host).size() > 1, "a stale index starts every extension");
        }
        assertTrue(ExtensionIndex.read(folder).isPresent(), "and that start rewrites it");
    }

    @Test
    void aChangedPluginFileMakesTheIndexStale() throws IOException {
        install("estimators-classic", "datasets-synthetic");
        PluginHost.start(List.of(folder), MilabVersion.current()).close();
        Path zip = folder.resolve("datasets-synthetic.zip");
        Files.setLastModifiedTime(zip, FileTime.fromMillis(Files.getLastModifiedTime(zip).toMillis() + 60_000));
        assertTrue(ExtensionIndex.read(folder).isEmpty(), "stale after a plugin file changed");
        try (PluginHost host = PluginHost.startFor(List.of(folder), MilabVersion.current(), "ksg")) {
            assertEquals(2, host.plugins().size(), "a stale index starts every plugin");
        }
        assertTrue(ExtensionIndex.read(folder).isPresent(), "and that start rewrites it");
    }

    @Test
    void dependenciesComeFirstAndAMissingOneDisablesTheShortcut() {
        ExtensionIndex.Entry base = new ExtensionIndex.Entry(folder.resolve("base"), "base", List.of(), java.util.Map.of("b", "B"));
        ExtensionIndex.Entry top = new ExtensionIndex.Entry(folder.resolve("top"), "top", List.of("base"), java.util.Map.of("t", "T"));
        ExtensionIndex.Entry orphan = new ExtensionIndex.Entry(folder.resolve("orphan"), "orphan", List.of("gone"),
                java.util.Map.of("o", "O"));
        List<ExtensionIndex.Entry> entries = List.of(top, base, orphan);
        assertEquals(List.of(folder.resolve("base"), folder.resolve("top")),
                ExtensionIndex.pluginsHolding(entries, "t").orElseThrow());
        assertTrue(ExtensionIndex.pluginsHolding(entries, "o").isEmpty());
        assertTrue(ExtensionIndex.pluginsHolding(entries, "nothing").isEmpty());
        assertEquals(java.util.Map.of("top", java.util.Set.of("T")), ExtensionIndex.classesNamed(entries, "t"));
        assertEquals(java.util.Map.of("top", java.util.Set.of("T")), ExtensionIndex.classesNamed(entries, "top/t"));
        assertTrue(ExtensionIndex.classesNamed(entries, "base/t").isEmpty());
    }
}
