package org.milab.platform.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderRunCatalogTest {

    @TempDir
    Path tmp;

    private List<String> ids(RunCatalog c, RunFilter f) {
        return c.list(f).stream().map(RunEntry::id).toList();
    }

    @Test
    void filtersByExperimentStatusAndParameter() {
        FakeRun.write(tmp, "alpha", "20260101-000001-aaaaaa", "ok", 3, 1.0);
        FakeRun.write(tmp, "alpha", "20260101-000002-bbbbbb", "failed", 5, 1.0);
        FakeRun.write(tmp, "beta", "20260101-000003-cccccc", "ok", 5, 1.0);
        FakeRun.running(tmp, "beta", "20260101-000004-dddddd", 10, 100);
        RunCatalog c = new FolderRunCatalog(tmp);
        assertEquals(List.of("20260101-000004-dddddd", "20260101-000003-cccccc", "20260101-000002-bbbbbb",
                "20260101-000001-aaaaaa"), ids(c, RunFilter.ALL), "newest first");
        assertEquals(List.of("20260101-000002-bbbbbb", "20260101-000001-aaaaaa"), ids(c, new RunFilter("ALP", "", "")));
        assertEquals(List.of("20260101-000002-bbbbbb"), ids(c, new RunFilter("", "failed", "")));
        assertEquals(List.of("20260101-000004-dddddd"), ids(c, new RunFilter("", "running", "")));
        assertEquals(List.of("20260101-000003-cccccc", "20260101-000002-bbbbbb"), ids(c, new RunFilter("", "",
                "ksg.k=5")));
        assertEquals(List.of("20260101-000003-cccccc", "20260101-000002-bbbbbb"), ids(c, new RunFilter("", "",
                "k=5.0")), "a bare parameter name and a numerically equal value match");
        assertEquals(List.of(), ids(c, new RunFilter("", "", "ksg.k=4")));
    }

    @Test
    void getFindsARunByIdAndRefusesPathsOutsideTheRunsFolder() {
        FakeRun.write(tmp.resolve("runs"), "alpha", "20260101-000001-aaaaaa", "ok", 3, 1.0);
        FakeRun.write(tmp, "outside", "20260101-000009-ffffff", "ok", 3, 1.0);
        RunCatalog c = new FolderRunCatalog(tmp.resolve("runs"));
        assertTrue(c.get("20260101-000001-aaaaaa").isPresent());
        assertTrue(c.get("alpha/20260101-000001-aaaaaa").isPresent());
        assertTrue(c.get("../outside/20260101-000009-ffffff").isEmpty());
        assertTrue(c.get("nope").isEmpty());
    }
}
