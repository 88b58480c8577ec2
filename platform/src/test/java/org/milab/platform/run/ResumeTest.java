package org.milab.platform.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milab.platform.testing.Cli;

/**
 * {@code milab run --resume} after a real {@code kill -9}: a sweep runs in a child JVM, is killed once a few points
 * are journaled, and is resumed. The resumed run keeps every journaled point as it was (not recomputed), computes
 * only the rest, and its results equal an uninterrupted run's.
 */
class ResumeTest {

    private static final int POINTS = 12;
    private static final String SLOW = """
            experiment: resume-test
            seed: 5
            nodes:
              data:
                use: correlated-gaussian
                with: {n: 10000, dim: 2, mi: 0.5}
              ksg:
                use: ksg
                with: {k: 3}
                inputs: {x: data.x, y: data.y}
            sweep:
              seeds: %d
            """.formatted(POINTS);

    @TempDir
    Path tmp;

    @Test
    void resumeAfterKillNineLosesNothingAndComputesNothingTwice() throws Exception {
        Path f = tmp.resolve("slow.yaml");
        Files.writeString(f, SLOW);
        Path runs = tmp.resolve("runs");
        Process child = child(f, runs);
        Path journal = waitForJournal(runs.resolve("resume-test"), child);
        child.destroyForcibly();
        child.waitFor();
        Path folder = journal.getParent();
        // killed with -9: the provenance written at the start still says "running" (nothing could record the end)
        assertEquals("running", ((Map<?, ?>) Json.parse(Files.readString(folder.resolve("provenance.json"))))
                .get("status"), "the run was killed before it finished");
        Map<Path, FileTime> before = entries(journal);
        assertTrue(before.size() >= 2 && before.size() < POINTS, "killed after " + before.size() + " points");

        Cli.Result resumed = Cli.run(tmp.resolve("home"), "run", f.toString(), "--resume", "--no-cache", "--jobs",
                "2", "--runs-dir", runs.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.err().contains(before.size() + " of " + POINTS + " points were already done"),
                resumed.err());
        Map<Path, FileTime> after = entries(journal);
        assertEquals(POINTS, after.size(), "every point journaled");
        before.forEach((entry, time) -> assertEquals(time, after.get(entry), entry + " was not computed again"));

        Cli.Result fresh = Cli.run(tmp.resolve("home"), "run", f.toString(), "--no-cache", "--runs-dir",
                runs.toString());
        assertEquals(0, fresh.exitCode(), fresh.err());
        Path uninterrupted;
        try (Stream<Path> s = Files.list(runs.resolve("resume-test"))) {
            uninterrupted = s.filter(p -> !p.equals(folder)).findFirst().orElseThrow();
        }
        assertEquals(SweepRunTest.comparable(SweepRunTest.results(uninterrupted)),
                SweepRunTest.comparable(SweepRunTest.results(folder)));
    }

    @Test
    void resumeRefusesAFolderOfAnotherGraph() throws Exception {
        Path f = tmp.resolve("slow.yaml");
        Files.writeString(f, SLOW.replace("seeds: " + POINTS, "seeds: 2").replace("n: 10000", "n: 200"));
        Path runs = tmp.resolve("runs");
        Cli.Result first = Cli.run(tmp.resolve("home"), "run", f.toString(), "--runs-dir", runs.toString());
        assertEquals(0, first.exitCode(), first.err());
        Path folder;
        try (Stream<Path> s = Files.list(runs.resolve("resume-test"))) {
            folder = s.findFirst().orElseThrow();
        }
        Files.delete(folder.resolve("provenance.json"));
        Cli.Result other = Cli.run(tmp.resolve("home"), "run", f.toString(), "--resume", "--set", "ksg.k=4",
                "--runs-dir", runs.toString());
        assertEquals(2, other.exitCode(), other.err());
        assertTrue(other.err().contains("cannot be resumed: it was started from another graph"), other.err());
    }

    private Process child(Path experiment, Path runs) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dmilab.plugins=" + Cli.dist().resolve("plugins"), "-Dmilab.home=" + tmp.resolve("home"),
                "-Dai.djl.offline=true", "-cp", classPath, "org.milab.platform.cli.Main", "run", experiment.toString(),
                "--no-cache", "--runs-dir", runs.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
    }

    /** Waits until the child has journaled two points; returns the journal folder. */
    private Path waitForJournal(Path experimentRuns, Process child) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(experimentRuns)) {
                try (Stream<Path> s = Files.list(experimentRuns)) {
                    for (Path run : s.toList()) {
                        Path journal = run.resolve("journal");
                        if (Files.isDirectory(journal) && entries(journal).size() >= 2) {
                            return journal;
                        }
                    }
                }
            }
            if (!child.isAlive()) {
                throw new AssertionError("the child run ended early: " + Files.readString(tmp.resolve("child.log")));
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no point was journaled in time: " + Files.readString(tmp.resolve("child.log")));
    }

    private static Map<Path, FileTime> entries(Path journal) throws IOException {
        Map<Path, FileTime> out = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(journal)) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("[0-9]+\\.json")).sorted().toList()) {
                out.put(p, Files.getLastModifiedTime(p));
            }
        }
        return out;
    }
}
