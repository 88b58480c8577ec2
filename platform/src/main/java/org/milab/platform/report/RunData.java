package org.milab.platform.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Everything a report shows, read from one run folder: the experiment file as given, the resolved graph, results,
 * provenance, live progress, every node's metric series and figures. Files a running or failed run has not written
 * yet are empty.
 *
 * @param folder the run folder
 * @param experimentYaml {@code experiment.yaml}
 * @param graph {@code graph.yaml}, parsed with safe YAML
 * @param results {@code results.json}
 * @param provenance {@code provenance.json}
 * @param progress {@code progress.json} (written while the run runs)
 * @param metrics the metric series of every node
 * @param figures every figure under a node's {@code artifacts/}
 */
public record RunData(Path folder, String experimentYaml, Map<String, Object> graph, Map<String, Object> results,
        Map<String, Object> provenance, Map<String, Object> progress, List<NodeMetrics> metrics, List<Path> figures) {

    /** Reads numbers as longs where they are whole, so 64-bit seeds keep every digit. */
    private static final com.google.gson.Gson GSON = new com.google.gson.GsonBuilder()
            .setObjectToNumberStrategy(com.google.gson.ToNumberPolicy.LONG_OR_DOUBLE).create();
    /** A figure type the report embeds. */
    private static final List<String> FIGURE_TYPES = List.of(".png", ".svg", ".jpg", ".jpeg", ".gif");

    /**
     * The metric series of one node.
     *
     * @param node the node's folder relative to the run folder, e.g. {@code nodes/vib} or {@code points/2/vib}
     * @param series metric name to its points, in file order
     */
    public record NodeMetrics(String node, Map<String, Curve> series) {
    }

    /**
     * One metric series.
     *
     * @param steps step of each value
     * @param values the values
     */
    public record Curve(double[] steps, double[] values) {
    }

    /**
     * Reads {@code folder}.
     *
     * @throws org.milab.api.ConfigurationException when it is not a run folder (no {@code graph.yaml})
     */
    public static RunData read(Path folder) {
        if (!Files.isRegularFile(folder.resolve("graph.yaml"))) {
            throw new org.milab.api.ConfigurationException(folder.toString(),
                    "is not a run folder: it has no graph.yaml (expected a folder written by 'milab run')");
        }
        return new RunData(folder, text(folder.resolve("experiment.yaml")).orElse(""),
                yaml(folder.resolve("graph.yaml")), json(folder.resolve("results.json")),
                json(folder.resolve("provenance.json")), json(folder.resolve("progress.json")),
                metrics(folder), figures(folder));
    }

    /** The run's id: its folder name. */
    public String id() {
        return folder.getFileName().toString();
    }

    /** The experiment name from the graph, else the parent folder's name. */
    public String experiment() {
        Object name = graph.get("experiment");
        return name != null ? name.toString() : folder.toAbsolutePath().getParent().getFileName().toString();
    }

    /** The run's status (see {@link RunStatus}). */
    public String status() {
        return RunStatus.of(provenance, progress, java.time.Instant.now());
    }

    /** The text of a file, when it exists. */
    static Optional<String> text(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A JSON object file as a map; empty when absent or unreadable (for example half-written by a killed run). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> json(Path file) {
        try {
            Object o = text(file).map(t -> GSON.fromJson(t, Object.class)).orElse(null);
            return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        } catch (com.google.gson.JsonParseException e) {
            return Map.of();
        }
    }

    /** A YAML mapping file read with the safe constructor; empty when absent. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
        Object o = text(file).map(t -> new Yaml(new SafeConstructor(new LoaderOptions())).load(t)).orElse(null);
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<NodeMetrics> metrics(Path folder) {
        List<NodeMetrics> out = new ArrayList<>();
        for (Path f : files(folder, p -> p.getFileName().toString().equals("metrics.csv"))) {
            String node = folder.relativize(f.getParent()).toString().replace('\\', '/');
            out.add(new NodeMetrics(node, MetricsCsv.read(f)));
        }
        return out;
    }

    private static List<Path> figures(Path folder) {
        return files(folder, p -> {
            String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
            return p.getParent().getFileName().toString().equals("artifacts")
                    && FIGURE_TYPES.stream().anyMatch(name::endsWith);
        });
    }

    private static List<Path> files(Path folder, java.util.function.Predicate<Path> which) {
        List<Path> out = new ArrayList<>();
        for (String top : List.of("nodes", "points")) {
            Path dir = folder.resolve(top);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(dir, 8)) {
                s.filter(Files::isRegularFile).filter(which).sorted(RunData::naturalOrder).forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }
        return out;
    }

    /** Orders {@code points/10} after {@code points/9}. */
    private static int naturalOrder(Path a, Path b) {
        String ka = a.toString().replaceAll("(\\d+)", "0000000000$1").replaceAll("0*(\\d{10})", "$1");
        String kb = b.toString().replaceAll("(\\d+)", "0000000000$1").replaceAll("0*(\\d{10})", "$1");
        return ka.compareTo(kb);
    }

    /** A sub-map of a JSON or YAML tree, empty when absent. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    /** A list of a JSON or YAML tree, empty when absent. */
    static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }
}
