package org.milab.platform.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.milab.platform.run.Json;

/** Writes small run folders with the layout {@code milab run} produces, for store tests. */
public final class RunFolders {

    private RunFolders() {
    }

    /**
     * A finished run of {@code points} points sweeping {@code data.n}, each with a ksg estimate of {@code 0.1 * n}
     * nats against a truth of 0.5, a metric series and an artifact.
     */
    public static Path finished(Path root, String id, String experiment, int points) {
        Path dir = folder(root, id, experiment);
        write(dir.resolve("provenance.json"), Json.pretty(Map.of("status", "ok", "milab", "1.0.0", "seed", 7,
                "start", "2026-12-02T10:00:00Z", "end", "2026-12-02T10:00:05Z", "plugins",
                List.of(Map.of("id", "estimators-classic", "version", "1.0.0", "sha256", "ab".repeat(32))))));
        List<Object> ps = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            ps.add(point(100 * (i + 1)));
            String base = points == 1 ? "nodes" : "points/" + i;
            write(dir.resolve(base + "/ksg/metrics.csv"), "metric,step,value\nloss,0,1.5\nloss,1,0.75\n");
            write(dir.resolve(base + "/ksg/artifacts/fig.txt"), "figure " + i);
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("experiment", experiment);
        results.put("seed", 7);
        results.put("points", ps);
        write(dir.resolve("results.json"), Json.pretty(results));
        return dir;
    }

    /** A run killed after {@code finished} of its points: a journal and no provenance or results. */
    public static Path killed(Path root, String id, String experiment, int... finished) {
        Path dir = folder(root, id, experiment);
        for (int i : finished) {
            write(dir.resolve("journal/" + i + ".json"), Json.pretty(point(100 * (i + 1))));
        }
        write(dir.resolve("journal/plan.json"), "{\"points\": []}");
        return dir;
    }

    static Map<String, Object> point(int n) {
        Map<String, Object> estimate = new LinkedHashMap<>();
        estimate.put("mi", 0.001 * n);
        estimate.put("unit", "nats");
        estimate.put("stderr", 0.01);
        estimate.put("n", n);
        Map<String, Object> ksg = new LinkedHashMap<>();
        ksg.put("extension", "estimators-classic/ksg");
        ksg.put("parameters", Map.of("k", "3"));
        ksg.put("seed", 8014745638676040957L);
        ksg.put("seconds", 0.25);
        ksg.put("outputs", Map.of("estimate", estimate));
        ksg.put("truth", Map.of("views", List.of("x", "y"), "mi", 0.5, "method", "closed form"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("extension", "datasets-synthetic/correlated-gaussian");
        data.put("parameters", Map.of("n", String.valueOf(n), "mi", "0.5"));
        data.put("seed", -3L);
        data.put("seconds", 0.01);
        data.put("outputs", Map.of("dataset", Map.of("name", "correlated-gaussian", "n", n)));
        Map<String, Object> nodes = new LinkedHashMap<>();
        nodes.put("data", data);
        nodes.put("ksg", ksg);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("sweep", Map.of("data.n", n));
        p.put("nodes", nodes);
        return p;
    }

    private static Path folder(Path root, String id, String experiment) {
        Path dir = root.resolve(experiment).resolve(id);
        write(dir.resolve("graph.yaml"), "# resolved\nexperiment: " + experiment + "\nseed: 7\nnodes: {}\n");
        write(dir.resolve("experiment.yaml"), "experiment: " + experiment + "\n");
        return dir;
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
