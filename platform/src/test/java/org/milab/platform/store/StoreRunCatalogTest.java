package org.milab.platform.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milab.platform.report.RunEntry;
import org.milab.platform.report.RunFilter;

/** The UI's catalog over the run store lists indexed runs from any runs folder and drops runs whose folder is gone. */
class StoreRunCatalogTest {

    @TempDir
    Path tmp;

    @Test
    void listsIndexedRunsOfSeveralRunsFoldersNewestFirstAndFilters() {
        String db = tmp.resolve("runs.db").toString();
        Path a = RunFolders.finished(tmp.resolve("runs-a"), "20261202-100000-aaaaaa", "staircase", 2);
        Path b = RunFolders.finished(tmp.resolve("runs-b"), "20261202-110000-bbbbbb", "quickstart", 1);
        try (RunStore store = RunStore.open(db)) {
            store.index(a);
            store.index(b);
        }
        StoreRunCatalog catalog = new StoreRunCatalog(db);
        assertEquals(List.of("20261202-110000-bbbbbb", "20261202-100000-aaaaaa"),
                catalog.list(RunFilter.ALL).stream().map(RunEntry::id).toList());
        assertEquals(List.of("staircase"), catalog.list(new RunFilter("stair", "", "")).stream()
                .map(RunEntry::experiment).toList());
        assertEquals(a, catalog.get("20261202-100000-aaaaaa").orElseThrow().folder());
        assertTrue(catalog.get("no-such-run").isEmpty());
    }

    @Test
    void aRunWhoseFolderWasDeletedIsLeftOut() throws IOException {
        String db = tmp.resolve("runs.db").toString();
        Path a = RunFolders.finished(tmp.resolve("runs"), "r1", "e", 1);
        try (RunStore store = RunStore.open(db)) {
            store.index(a);
        }
        try (var files = Files.walk(a)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        assertTrue(new StoreRunCatalog(db).list(RunFilter.ALL).isEmpty());
    }
}
