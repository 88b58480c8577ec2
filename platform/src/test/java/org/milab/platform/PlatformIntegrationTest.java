package org.milab.platform;

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
import org.milab.platform.run.Json;
import org.milab.platform.testing.Cli;
import org.milab.platform.testing.PluginJarBuilder;

/** End to end through the CLI, against the real built-in plugins and an out-of-tree plugin jar. */
class PlatformIntegrationTest {

    @TempDir
    Path tmp;

    private static final Path FIXTURE = Cli.repo().resolve("platform/src/test/fixtures/pearson-plugin/src/main/java");

    @Test
    void quickstartRunsAndRecordsTheRun() throws IOException {
        Path runs = tmp.resolve("runs");
        Cli.Result r = Cli.run(tmp, "run", Cli.repo().resolve("experiments/quickstart.yaml").toString(),
                "--runs-dir", runs.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("closed-form") && r.out().contains("ksg"), r.out());
        Path run = onlyRun(runs);
        for (String f : List.of("graph.yaml", "experiment.yaml", "results.json", "results.csv", "provenance.json",
                "nodes/ksg/outputs.json")) {
            assertTrue(Files.isRegularFile(run.resolve(f)), f);
        }
        Map<?, ?> prov = (Map<?, ?>) Json.parse(Files.readString(run.resolve("provenance.json")));
        assertEquals("ok", prov.get("status"));
        List<?> plugins = (List<?>) prov.get("plugins");
        assertTrue(plugins.stream().allMatch(p -> ((Map<?, ?>) p).get("sha256").toString().matches("[0-9a-f]{64}")));
        // 5,000 samples of a 2+2-d Gaussian with I = 1 nat: the closed form's sd is about 0.02 nats and KSG's
        // bias at k=3 is below 0.05 nats here (Kraskov et al. 2004, fig. 4), so 0.1 nats is a 5-sd margin.
        for (String node : List.of("closed-form", "ksg")) {
            double mi = estimate(run, node);
            assertEquals(1.0, mi, 0.1, node);
        }
    }

    @Test
    void sameGraphAndSeedGiveTheSameNumbers() throws IOException {
        String file = Cli.repo().resolve("experiments/quickstart.yaml").toString();
        Cli.run(tmp, "run", file, "--runs-dir", tmp.resolve("a").toString());
        Cli.run(tmp, "run", file, "--runs-dir", tmp.resolve("b").toString());
        Cli.run(tmp, "run", file, "--runs-dir", tmp.resolve("c").toString(), "--set", "seed=7");
        double a = estimate(onlyRun(tmp.resolve("a")), "ksg");
        assertEquals(a, estimate(onlyRun(tmp.resolve("b")), "ksg"), 0.0);
        assertFalse(a == estimate(onlyRun(tmp.resolve("c")), "ksg"), "another seed draws other data");
    }

    @Test
    void aRunFolderCanBeReRunAndIsCheckedAgainstItsRecord() throws IOException {
        Cli.run(tmp, "run", Cli.repo().resolve("experiments/quickstart.yaml").toString(), "--runs-dir",
                tmp.resolve("a").toString());
        Cli.Result again = Cli.run(tmp, "run", onlyRun(tmp.resolve("a")).toString(), "--runs-dir",
                tmp.resolve("b").toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.err().contains("every estimate is identical"), again.err());
        assertEquals(estimate(onlyRun(tmp.resolve("a")), "ksg"), estimate(onlyRun(tmp.resolve("b")), "ksg"), 0.0);
    }

    @Test
    void dropInJarFromAnOutsideLabRunsInAGraph() throws IOException {
        Path plugins = tmp.resolve("lab-plugins");
        PluginJarBuilder.fromSources(FIXTURE).id("pearson").buildInto(plugins);
        Path graph = tmp.resolve("lab.yaml");
        Files.writeString(graph, """
                experiment: lab
                seed: 3
                nodes:
                  data:
                    use: correlated-gaussian
                    with: {n: 4000, dim: 1, mi: 0.5}
                  pearson:
                    use: pearson/pearson-gaussian
                    inputs: {x: data.x, y: data.y}
                """);
        Cli.Result r = Cli.run(tmp, "run", graph.toString(), "--plugins-dir", plugins.toString(),
                "--runs-dir", tmp.resolve("runs").toString());
        assertEquals(0, r.exitCode(), r.err());
        // n = 4000, rho^2 = 1 - e^-1: the sd of -1/2 log(1 - r^2) is about rho/sqrt(n) ~ 0.013 nats.
        assertEquals(0.5, estimate(onlyRun(tmp.resolve("runs")), "pearson"), 0.06);
        Cli.Result list = Cli.run(tmp, "plugins", "list", "--plugins-dir", plugins.toString());
        assertTrue(list.out().contains("pearson 0.1.0  [loaded]"), list.out());
    }

    @Test
    void pluginRequiringAnotherApiIsRefusedByNameAndOthersStillLoad() throws IOException {
        Path plugins = tmp.resolve("lab-plugins");
        PluginJarBuilder.fromSources(FIXTURE).id("future").requires(">=2.0.0").buildInto(plugins);
        Files.write(plugins.resolve("broken.jar"), new byte[] {1, 2, 3, 4});
        Cli.Result list = Cli.run(tmp, "plugins", "list", "--plugins-dir", plugins.toString());
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().contains("future 0.1.0  [refused]"), list.out());
        assertTrue(list.out().contains("requires plugin API >=2.0.0"), list.out());
        assertTrue(list.out().contains("broken.jar  [failed]"), list.out());
        assertTrue(list.out().contains("estimators-classic") && list.out().contains("ksg "), list.out());
        Cli.Result run = Cli.run(tmp, "estimate", "future/pearson-gaussian", "x.csv", "--x", "a", "--y", "b",
                "--plugins-dir", plugins.toString());
        assertEquals(2, run.exitCode());
    }

    private static Path onlyRun(Path runs) throws IOException {
        try (Stream<Path> s = Files.list(runs)) {
            Path experiment = s.findFirst().orElseThrow();
            try (Stream<Path> r = Files.list(experiment)) {
                List<Path> all = r.toList();
                assertEquals(1, all.size(), "one run folder");
                return all.get(0);
            }
        }
    }

    private static double estimate(Path run, String node) throws IOException {
        Map<?, ?> out = (Map<?, ?>) Json.parse(Files.readString(run.resolve("nodes").resolve(node).resolve("outputs.json")));
        Map<?, ?> est = (Map<?, ?>) ((Map<?, ?>) out.get("outputs")).get("estimate");
        return ((Number) est.get("mi")).doubleValue();
    }
}
