package org.milab.platform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milab.platform.run.Json;
import org.milab.platform.store.RunFolders;
import org.milab.platform.testing.Cli;

/** {@code milab runs ...} over a store built from run folders by {@code runs import}. */
class RunsCommandTest {

    @TempDir
    Path tmp;

    private Cli.Result runs(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "runs";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--store";
        all[args.length + 2] = tmp.resolve("store.db").toString();
        return Cli.run(tmp.resolve("home"), all);
    }

    @Test
    void importListShowCompareExportDelete() {
        Path root = tmp.resolve("runs");
        RunFolders.finished(root, "20261202-100000-aaaaaa", "alpha", 2);
        RunFolders.finished(root, "20261202-110000-bbbbbb", "alpha", 1);
        RunFolders.killed(root, "20261202-120000-cccccc", "beta", 0);
        Cli.Result imported = runs("import", root.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(imported.out().contains("3 run folder(s) indexed"), imported.out());

        Cli.Result list = runs("list", "--experiment", "alpha", "--format", "json");
        assertEquals(0, list.exitCode(), list.err());
        List<?> listed = (List<?>) Json.parse(list.out());
        assertEquals(2, listed.size());
        Cli.Result where = runs("list", "--where", "data.n=200", "--format", "csv");
        assertEquals(2, where.out().strip().split("\n").length, where.out());
        assertTrue(where.out().contains("20261202-100000-aaaaaa"), where.out());
        assertTrue(runs("list").out().contains("incomplete"));

        Cli.Result show = runs("show", "20261202-10");
        assertEquals(0, show.exitCode(), show.err());
        assertTrue(show.out().contains("0.2000 ± 0.0100"), show.out());

        Cli.Result compare = runs("compare", "20261202-10", "20261202-11");
        assertEquals(0, compare.exitCode(), compare.err());
        assertTrue(compare.out().lines().anyMatch(l -> l.startsWith("experiment ") && !l.contains("*")),
                compare.out());
        assertTrue(compare.out().lines().anyMatch(l -> l.startsWith("[1] ksg estimate") && l.contains("*")),
                compare.out());

        Cli.Result csv = runs("export", "20261202-10", "--format", "csv");
        assertTrue(csv.out().startsWith("point,data.n,node,extension,mi_nats"), csv.out());
        assertTrue(csv.out().contains("1,200,ksg,estimators-classic/ksg,0.200000000,0.0100000000,0.500000000,200"),
                csv.out());
        Map<?, ?> json = (Map<?, ?>) Json.parse(runs("export", "20261202-10", "--format", "json").out());
        assertEquals(4, ((List<?>) json.get("metrics")).size());

        assertEquals(0, runs("delete", "20261202-11").exitCode());
        assertFalse(runs("list").out().contains("20261202-110000-bbbbbb"));
        assertTrue(Files.isDirectory(root.resolve("alpha/20261202-110000-bbbbbb")));
        Cli.Result missing = runs("show", "nope");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("nope: no such run in the store"), missing.err());
    }

    @Test
    void aCorruptStoreIsAOneLineErrorAndExitOne() throws Exception {
        Files.writeString(tmp.resolve("store.db"), "not a database ".repeat(200));
        Cli.Result r = runs("list");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("milab: the run store "), r.err());
        assertTrue(r.err().contains("is not a SQLite database or is corrupt"), r.err());
    }
}
