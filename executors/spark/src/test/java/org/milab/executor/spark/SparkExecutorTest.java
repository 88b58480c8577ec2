package org.milab.executor.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milab.api.data.Samples;
import org.milab.platform.MilabVersion;
import org.milab.platform.cli.Main;
import org.milab.platform.executor.ClusterEngine;
import org.milab.platform.executor.ClusterEngines;
import org.milab.platform.plugins.PluginHost;
import org.milab.platform.run.GraphRunner;
import org.milab.platform.run.Json;
import org.milab.platform.run.PointTask;
import org.milab.platform.run.RunOptions;
import org.milab.platform.run.RunReport;
import org.milab.platform.run.RunRequest;
import org.milab.platform.run.RunService;
import org.milab.platform.screen.FeatureColumns;
import org.milab.platform.screen.FeatureScore;
import org.milab.platform.screen.LocalScreen;
import org.milab.platform.screen.ScreenJob;

/**
 * The Spark executor on {@code local[2]}, opened from the distribution's {@code spark/lib} in its own class loader
 * as the host opens it, against the local executor: same seeds, identical estimates. One Spark context for all.
 */
class SparkExecutorTest {

    private static final Path DIST = Path.of(System.getProperty("milab.dist"));
    private static final Path RESOURCES = Path.of("src/test/resources");
    private static PluginHost host;
    private static ClusterEngine spark;

    @BeforeAll
    static void start() {
        List<Path> plugins = List.of(DIST.resolve("plugins"));
        host = PluginHost.start(plugins, MilabVersion.current());
        spark = ClusterEngines.open("spark", DIST.resolve("spark/lib"), "local[2]", plugins, false);
    }

    @AfterAll
    static void stop() {
        spark.close();
        host.close();
    }

    @Test
    void sparkIsLoadedApartFromTheHost() {
        assertNotSame(getClass().getClassLoader(), spark.getClass().getClassLoader(),
                "the engine must come from spark/lib's own class loader");
        ClassLoader sparkLoader = spark.getClass().getClassLoader();
        assertTrue(sparkLoader.getClass().getName().endsWith("IsolatingClassLoader"));
        // Spark's Guava and SLF4J are its own copies; the plugin API and platform types are the host's
        for (Class<?> hostClass : List.of(com.google.common.collect.ImmutableList.class,
                org.slf4j.LoggerFactory.class)) {
            assertNotSame(hostClass, load(hostClass.getName(), sparkLoader), hostClass.getName());
        }
        assertSame(Samples.class, load(Samples.class.getName(), sparkLoader));
        assertSame(ClusterEngine.class, load(ClusterEngine.class.getName(), sparkLoader));
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name + " is not visible from " + loader, e);
        }
    }

    @Test
    void aSweepOnSparkWritesTheRunFolderALocalRunWrites(@TempDir Path runs) throws IOException {
        RunReport local = service().run(request(RESOURCES.resolve("sweep.yaml"), runs.resolve("local")));
        RunRequest remote = request(RESOURCES.resolve("sweep.yaml"), runs.resolve("spark"));
        RunReport onSpark = service().run(remote, RunOptions.defaults(),
                spark.points(PointTask.of(remote.graph(), List.of())));
        Path a = local.folder().path();
        Path b = onSpark.folder().path();
        assertEquals(files(a), files(b));
        assertEquals(withoutTimes(Files.readString(a.resolve("results.json"))),
                withoutTimes(Files.readString(b.resolve("results.json"))));
        assertEquals(withoutTimes(Files.readString(a.resolve("points/3/ksg/outputs.json"))),
                withoutTimes(Files.readString(b.resolve("points/3/ksg/outputs.json"))));
        assertEquals(4, ((List<?>) onSpark.results().get("points")).size());
        assertTrue(Files.readString(b.resolve("provenance.json")).contains("\"status\": \"ok\""));
    }

    @Test
    void aFailingPointIsRecordedWhileTheOthersFinish(@TempDir Path runs) throws IOException {
        RunRequest request = request(RESOURCES.resolve("failing-point.yaml"), runs);
        RunReport report = service().run(request, RunOptions.defaults(),
                spark.points(PointTask.of(request.graph(), List.of())));
        assertEquals(List.of(1), List.copyOf(report.failures().keySet()));
        String error = org.milab.platform.run.ErrorText.of(report.failures().get(1));
        assertTrue(error.contains("node 'ksg'") && error.contains("at least 61"), error);
        Path dir;
        try (Stream<Path> s = Files.list(runs.resolve("spark-failing-point"))) {
            dir = s.findFirst().orElseThrow();
        }
        List<?> points = (List<?>) ((Map<?, ?>) Json.parse(Files.readString(dir.resolve("results.json"))))
                .get("points");
        assertTrue(((Map<?, ?>) points.get(1)).get("error").toString().contains("at least 61"));
        assertFalse(((Map<?, ?>) ((Map<?, ?>) points.get(0)).get("nodes")).isEmpty());
        assertFalse(((Map<?, ?>) ((Map<?, ?>) points.get(2)).get("nodes")).isEmpty());
        assertTrue(Files.isRegularFile(dir.resolve("points/2/ksg/outputs.json")));
        assertTrue(Files.readString(dir.resolve("provenance.json")).contains("\"status\": \"failed\""));
    }

    @Test
    void aResumedSparkRunRunsOnlyThePointsNotJournaled(@TempDir Path runs) throws IOException {
        RunRequest request = request(RESOURCES.resolve("failing-point.yaml"), runs);
        RunReport first = service().run(request, RunOptions.defaults(),
                spark.points(PointTask.of(request.graph(), List.of())));
        RunReport resumed = service().run(request, new RunOptions(1, Optional.empty(), true, folder -> { }),
                spark.points(PointTask.of(request.graph(), List.of())));
        assertEquals(first.folder().path(), resumed.folder().path());
        assertEquals(2, resumed.restored(), "points 0 and 2 come from the journal; the failed point 1 runs again");
        assertEquals(List.of(1), List.copyOf(resumed.failures().keySet()));
        assertEquals(withoutTimes(Json.pretty(first.results())), withoutTimes(Json.pretty(resumed.results())));
    }

    @Test
    void aScreenOnSparkEqualsTheLocalScreenAndFindsTheDependentFeatures() {
        FeatureColumns data = screenData(300, 24);
        ScreenJob job = new ScreenJob("ksg", List.of("k=3", "stderr=subsample", "stderr-resamples=4"), 11);
        List<FeatureScore> local = new LocalScreen(host.registry(), 2).screen(job, data, done -> { });
        List<FeatureScore> onSpark = spark.screens().screen(job, data, done -> { });
        assertEquals(data.size(), onSpark.size());
        for (int i = 0; i < data.size(); i++) {
            FeatureScore l = local.get(i);
            FeatureScore s = onSpark.get(i);
            assertEquals(l.feature(), s.feature());
            assertEquals(l.mi(), s.mi(), 0.0, l.feature());
            assertEquals(l.stderr(), s.stderr(), 0.0, l.feature());
            assertFalse(s.failed(), s.error());
        }
        List<String> ranked = onSpark.stream().sorted((p, q) -> Double.compare(q.mi(), p.mi()))
                .map(FeatureScore::feature).toList();
        assertEquals(List.of("f0", "f1"), ranked.subList(0, 2).stream().sorted().toList(),
                "the two features y depends on must rank first");
    }

    @Test
    void badMastersAreClearErrorsWithoutWaiting(@TempDir Path runs) {
        String sweep = RESOURCES.resolve("sweep.yaml").toString();
        Result bad = cli("run", sweep, "--runs-dir", runs.toString(), "--executor", "spark", "--master", "spork://x");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--master spork://x: not a master URL"), bad.err());
        Result unreachable = cli("run", sweep, "--runs-dir", runs.toString(), "--executor", "spark", "--master",
                "spark://127.0.0.1:1");
        assertEquals(1, unreachable.code());
        assertTrue(unreachable.err().contains("cannot reach the Spark master spark://127.0.0.1:1"),
                unreachable.err());
        assertEquals(2, cli("screen", sweep, "--target", "y", "--executor", "hadoop").code());
        Result k8s = cli("run", sweep, "--runs-dir", runs.toString(), "--executor", "spark", "--master",
                "k8s://https://127.0.0.1:1");
        assertEquals(1, k8s.code());
        assertTrue(k8s.err().contains("Kubernetes is not supported by this distribution"), k8s.err());
        if (YarnClientMode.CONF_VARIABLES.stream().allMatch(v -> System.getenv(v) == null)) {
            Result yarn = cli("run", sweep, "--runs-dir", runs.toString(), "--executor", "spark", "--master", "yarn");
            assertEquals(2, yarn.code());
            assertTrue(yarn.err().contains("--master yarn: set HADOOP_CONF_DIR or YARN_CONF_DIR"), yarn.err());
        }
    }

    private record Result(int code, String err) {
    }

    private static Result cli(String... args) {
        System.setProperty("milab.plugins", DIST.resolve("plugins").toString());
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
        return new Result(code, err.toString());
    }

    private static RunService service() {
        return new RunService(host, GraphRunner.Listener.NONE, w -> { });
    }

    private static RunRequest request(Path file, Path runs) {
        return RunRequest.of(file, List.of(), runs, List.of("run", file.toString()));
    }

    /** y = x0 + |x1| + noise; the other features are independent of y. */
    private static FeatureColumns screenData(int n, int p) {
        SplittableRandom r = new SplittableRandom(5);
        double[][] x = new double[p][n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[j][i] = r.nextGaussian();
            }
            y[i] = x[0][i] + 2 * Math.abs(x[1][i]) + 0.3 * r.nextGaussian();
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            names.add("f" + j);
        }
        return new FeatureColumns(Samples.ofColumns(List.of("y"), y), names, List.of(x));
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private static String withoutTimes(String json) {
        return json.replaceAll("\"seconds\": [0-9.eE-]+", "\"seconds\": 0");
    }
}
