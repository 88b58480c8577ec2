package org.milab.platform.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milab.platform.store.RunFilter;
import org.milab.platform.store.RunStore;
import org.milab.platform.store.StoredRun;
import org.milab.platform.testing.Cli;

/**
 * {@code milab run} on sweeps: the node cache, {@code --jobs}, failed points, and the run store it indexes into.
 * Every comparison drops timings (and the cached flag) only; estimates, truths and seeds must be identical.
 */
class SweepRunTest {

    static final String SWEEP = """
            experiment: sweep-test
            seed: 11
            nodes:
              data:
                use: correlated-gaussian
                with: {n: 300, dim: 1, mi: 0.5}
              ksg:
                use: ksg
                with: {k: 3}
                inputs: {x: data.x, y: data.y}
              gauss:
                use: gaussian
                inputs: {x: data.x, y: data.y}
            sweep:
              zip: {data.mi: [0.2, 0.8], ksg.k: [3, 5]}
              seeds: 3
            """;

    @TempDir
    Path tmp;

    private Path experiment(String text) throws IOException {
        Path f = tmp.resolve("sweep.yaml");
        Files.writeString(f, text);
        return f;
    }

    private Cli.Result run(String... args) {
        String[] all = Stream.concat(Stream.of("run"), Stream.concat(Stream.of(args),
                Stream.of("--runs-dir", tmp.resolve("runs").toString()))).toArray(String[]::new);
        return Cli.run(tmp.resolve("home"), all);
    }

    @Test
    void aRepeatedRunIsServedFromTheCacheWithIdenticalResults() throws IOException {
        Path f = experiment(SWEEP);
        Cli.Result first = run(f.toString());
        assertEquals(0, first.exitCode(), first.err());
        assertFalse(first.out().contains("cached"), first.out());
        Cli.Result second = run(f.toString());
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.out().contains("cached"), second.out());
        List<Path> runs = runFolders();
        Map<?, ?> a = results(runs.get(0));
        Map<?, ?> b = results(runs.get(1));
        assertEquals(comparable(a), comparable(b));
        assertEquals(12, count(Json.compact(b), "\"cached\":true"), "every estimator node of 6 points was cached");
        Cli.Result third = run(f.toString(), "--no-cache");
        assertFalse(third.out().contains("cached"), third.out());
        assertEquals(comparable(a), comparable(results(runFolders().get(2))));
    }

    @Test
    void jobsDoNotChangeResults() throws IOException {
        Path f = experiment(SWEEP);
        assertEquals(0, run(f.toString(), "--no-cache", "--jobs", "1").exitCode());
        Cli.Result parallel = run(f.toString(), "--no-cache", "--jobs", "3");
        assertEquals(0, parallel.exitCode(), parallel.err());
        List<Path> runs = runFolders();
        Map<?, ?> sequential = results(runs.get(0));
        assertEquals(comparable(sequential), comparable(results(runs.get(1))));
        assertEquals(6, ((List<?>) sequential.get("points")).size());
    }

    @Test
    void aFailedPointDoesNotStopTheOthersAndIsRecorded() throws IOException {
        Path f = experiment(SWEEP.replace("  zip: {data.mi: [0.2, 0.8], ksg.k: [3, 5]}\n  seeds: 3\n",
                "  data.n: [300, 3, 500]\n"));
        Cli.Result r = run(f.toString(), "--jobs", "2");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("milab: point 1: node 'ksg' (estimators-classic/ksg) failed"), r.err());
        assertTrue(r.err().contains("1 of 3 points failed"), r.err());
        Path folder = runFolders().get(0);
        List<?> points = (List<?>) results(folder).get("points");
        assertTrue(((Map<?, ?>) points.get(1)).get("error").toString().contains("needs at least 4"));
        for (int i : new int[] {0, 2}) {
            Map<?, ?> nodes = (Map<?, ?>) ((Map<?, ?>) points.get(i)).get("nodes");
            assertTrue(nodes.containsKey("ksg") && !((Map<?, ?>) points.get(i)).containsKey("error"));
        }
        Map<?, ?> prov = (Map<?, ?>) Json.parse(Files.readString(folder.resolve("provenance.json")));
        assertEquals("failed", prov.get("status"));
        try (RunStore store = RunStore.open(tmp.resolve("home/runs.db").toString())) {
            StoredRun stored = store.list(RunFilter.all()).get(0);
            assertEquals("failed", stored.status());
            assertEquals(3, stored.points());
            assertEquals(1, stored.failedPoints());
            assertEquals(folder.toAbsolutePath().normalize(), stored.folder());
        }
    }

    @Test
    void aBrokenStoreIsAWarningAndTheRunFolderIsComplete() throws IOException {
        Path bad = tmp.resolve("bad.db");
        Files.writeString(bad, "not a database ".repeat(300));
        Cli.Result r = run(experiment(SWEEP).toString(), "--store", bad.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("milab: warning: the run store " + bad + " is not a SQLite database"), r.err());
        Path folder = runFolders().get(0);
        assertEquals(6, ((List<?>) results(folder).get("points")).size());
        assertTrue(Files.isRegularFile(folder.resolve("provenance.json")));
        assertEquals("not a database ".repeat(300), Files.readString(bad), "the store file is left untouched");
    }

    /** The run folders in the order they started (names only order them to the second). */
    List<Path> runFolders() throws IOException {
        try (Stream<Path> s = Files.list(tmp.resolve("runs/sweep-test"))) {
            return s.sorted(java.util.Comparator.comparing(f -> java.time.Instant.parse(started(f)))).toList();
        }
    }

    private static String started(Path folder) {
        try {
            return String.valueOf(((Map<?, ?>) Json.parse(Files.readString(folder.resolve("provenance.json"))))
                    .get("start"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Map<?, ?> results(Path folder) throws IOException {
        return (Map<?, ?>) Json.parseExact(Files.readString(folder.resolve("results.json")));
    }

    /** Results without timings and cache flags: what must not change between equivalent runs. */
    static String comparable(Map<?, ?> results) {
        return Json.compact(results).replaceAll("\"seconds\":[^,}]+,?", "").replaceAll(",?\"cached\":true", "");
    }

    private static int count(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }
}
