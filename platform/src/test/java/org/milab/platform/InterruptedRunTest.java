package org.milab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milab.platform.graph.GraphParser;
import org.milab.platform.plugins.PluginHost;
import org.milab.platform.run.GraphRunner;
import org.milab.platform.run.Json;
import org.milab.platform.run.RunReport;
import org.milab.platform.run.RunRequest;
import org.milab.platform.run.RunService;
import org.milab.platform.testing.Cli;

/** A run folder says "running" while it runs, and a killed run is recognised, never replayed as a file. */
class InterruptedRunTest {

    private static final String GRAPH = """
            experiment: small
            seed: 3
            nodes:
              data:
                use: correlated-gaussian
                with: {n: 200, mi: 0.5}
              ksg:
                use: ksg
                inputs: {x: data.x, y: data.y}
            """;

    @TempDir
    Path tmp;

    @Test
    void provenanceSaysRunningWhileNodesRunAndOkAfter() throws IOException {
        Path file = Files.writeString(tmp.resolve("small.yaml"), GRAPH);
        Path runs = tmp.resolve("runs");
        List<Object> seen = new ArrayList<>();
        GraphRunner.Listener listener = new GraphRunner.Listener() {
            @Override
            public void started(String id, int point, int points) {
                seen.add(status(onlyRun(runs)));
            }

            @Override
            public void finished(String id, double seconds) {
            }

            @Override
            public void progress(String nodeId, long done, long total) {
            }
        };
        try (PluginHost host = PluginHost.start(List.of(Cli.dist().resolve("plugins")), MilabVersion.current())) {
            RunReport report = new RunService(host, listener, w -> { })
                    .run(new RunRequest(new GraphParser().parse(file), file, java.util.Optional.empty(), runs,
                            List.of()));
            assertEquals(List.of("running", "running"), seen);
            assertEquals("ok", status(report.folder().path()));
            try (Stream<Path> files = Files.walk(report.folder().path())) {
                assertFalse(files.anyMatch(p -> p.getFileName().toString().startsWith(".tmp-")
                        || p.toString().endsWith(".part")), "no temporary or partial file is left");
            }
        }
    }

    @Test
    void replayingAKilledRunSaysItWasInterrupted() throws IOException, InterruptedException {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path folder = Files.createDirectories(tmp.resolve("runs/small/20260101-000000-abcdef"));
        Files.writeString(folder.resolve("experiment.yaml"), GRAPH);
        Files.writeString(folder.resolve("graph.yaml"), GRAPH);
        Files.writeString(folder.resolve("provenance.json"), Json.pretty(Map.of("status", "running",
                "start", "2026-01-01T00:00:00Z", "pid", gone.pid())));
        Files.writeString(folder.resolve("metrics.csv.part"), "metric,step,value\nloss,1,0.");
        Cli.Result r = Cli.run(tmp, "run", folder.toString(), "--runs-dir", tmp.resolve("again").toString());
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("this run was interrupted") && r.err().contains("killed or crashed")
                && r.err().contains("milab run " + folder.resolve("experiment.yaml")), r.err());
        assertFalse(r.err().contains("Is a directory"), r.err());
    }

    @Test
    void aRunStoppedByASignalSaysSo() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("runs/small/20260101-000000-654321"));
        Files.writeString(folder.resolve("experiment.yaml"), GRAPH);
        Files.writeString(folder.resolve("graph.yaml"), GRAPH);
        Files.writeString(folder.resolve("provenance.json"), Json.pretty(Map.of("status", "interrupted",
                "start", "2026-01-01T00:00:00Z", "end", "2026-01-01T00:01:00Z")));
        Cli.Result r = Cli.run(tmp, "run", folder.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("this run was interrupted") && r.err().contains("termination signal"), r.err());
    }

    @Test
    void aRunKilledBeforeItsProvenanceIsRecognisedToo() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("runs/small/20260101-000000-123456"));
        Files.writeString(folder.resolve("experiment.yaml"), GRAPH);
        Files.writeString(folder.resolve("graph.yaml"), GRAPH);
        Cli.Result r = Cli.run(tmp, "run", folder.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("this run was interrupted"), r.err());
    }

    @Test
    void aFolderThatIsNoRunIsNamedSo() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("empty"));
        Cli.Result r = Cli.run(tmp, "run", folder.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("is a folder, not an experiment file"), r.err());
    }

    private static Path onlyRun(Path runs) {
        try (Stream<Path> s = Files.list(runs.resolve("small"))) {
            return s.findFirst().orElseThrow();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Object status(Path folder) {
        try {
            return ((Map<?, ?>) Json.parse(Files.readString(folder.resolve("provenance.json")))).get("status");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
