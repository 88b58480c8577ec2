package org.milab.platform.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.milab.api.ConfigurationException;
import org.milab.platform.run.Json;
import org.milab.platform.run.RunLayout;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a run folder into what the store indexes: {@code graph.yaml} (experiment, seed), {@code provenance.json}
 * (status, times, plugins, error; absent while running or after a kill), {@code results.json} (points, nodes,
 * parameters, estimates, truth) or, when the run never finished, its journal of finished points, plus every
 * {@code metrics.csv} and every file below an {@code artifacts/} folder.
 */
final class RunFolderReader {

    /** A folder read back: the details and its metric series. */
    record IndexedRun(RunDetails details, List<RunDetails.Metric> metrics) {
    }

    private RunFolderReader() {
    }

    /**
     * Reads {@code folder}.
     *
     * @throws ConfigurationException when it is not a run folder or a file in it is unreadable
     */
    static IndexedRun read(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("graph.yaml"))) {
            throw new ConfigurationException(folder.toString(), "not a run folder (it has no graph.yaml)");
        }
        try {
            return indexed(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read run folder " + folder, e);
        } catch (RuntimeException e) {
            throw new ConfigurationException(folder.toString(), "not a readable run folder: " + e.getMessage());
        }
    }

    private static IndexedRun indexed(Path dir) throws IOException {
        Map<?, ?> graph = yaml(dir.resolve("graph.yaml"));
        Map<?, ?> prov = json(dir.resolve("provenance.json")).orElse(Map.of());
        List<RunDetails.Point> points = points(dir);
        StoredRun run = storedRun(dir, graph, prov, points);
        RunDetails details = new RunDetails(run, plugins(prov), points, artifacts(dir));
        return new IndexedRun(details, metrics(dir));
    }

    private static StoredRun storedRun(Path dir, Map<?, ?> graph, Map<?, ?> prov, List<RunDetails.Point> points) {
        int failed = (int) points.stream().filter(p -> p.status().equals("failed")).count();
        return new StoredRun(dir.getFileName().toString(), text(graph.get("experiment")), dir,
                prov.isEmpty() ? "incomplete" : text(prov.get("status")), number(graph.get("seed")).longValue(),
                text(prov.get("start")), text(prov.get("end")), text(prov.get("milab")),
                Optional.ofNullable(prov.get("error")).map(String::valueOf), points.size(), failed);
    }

    /** The points of {@code results.json}, else those the journal of an unfinished run holds. */
    private static List<RunDetails.Point> points(Path dir) throws IOException {
        Optional<Map<?, ?>> results = json(dir.resolve("results.json"));
        java.util.TreeMap<Integer, Map<?, ?>> raw = new java.util.TreeMap<>();
        if (results.isPresent()) {
            List<?> ps = (List<?>) results.get().get("points");
            for (int i = 0; i < ps.size(); i++) {
                raw.put(i, (Map<?, ?>) ps.get(i));
            }
        } else if (Files.isDirectory(dir.resolve(RunLayout.journal()))) {
            readJournal(dir.resolve(RunLayout.journal()), raw);
        }
        List<RunDetails.Point> points = new ArrayList<>();
        raw.forEach((i, p) -> points.add(point(i, p)));
        return points;
    }

    /** Adds each point the journal holds ({@code <i>.json}) to {@code raw}. */
    private static void readJournal(Path journal, Map<Integer, Map<?, ?>> raw) throws IOException {
        try (Stream<Path> entries = Files.list(journal)) {
            for (Path e : (Iterable<Path>) entries::iterator) {
                String name = e.getFileName().toString();
                if (name.matches("[0-9]+\\.json")) {
                    raw.put(Integer.parseInt(name.substring(0, name.length() - 5)), json(e).orElseThrow());
                }
            }
        }
    }

    private static RunDetails.Point point(int index, Map<?, ?> p) {
        Map<String, String> sweep = new LinkedHashMap<>();
        if (p.get("sweep") instanceof Map<?, ?> s) {
            s.forEach((k, v) -> sweep.put(String.valueOf(k), valueText(v)));
        }
        List<RunDetails.Node> nodes = new ArrayList<>();
        if (p.get("nodes") instanceof Map<?, ?> ns) {
            ns.forEach((id, n) -> nodes.add(node(String.valueOf(id), (Map<?, ?>) n)));
        }
        Optional<String> error = Optional.ofNullable(p.get("error")).map(String::valueOf);
        return new RunDetails.Point(index, error.isPresent() ? "failed" : "ok", error, sweep, nodes);
    }

    private static RunDetails.Node node(String id, Map<?, ?> n) {
        Map<String, String> params = new LinkedHashMap<>();
        if (n.get("parameters") instanceof Map<?, ?> ps) {
            ps.forEach((k, v) -> params.put(String.valueOf(k), String.valueOf(v)));
        }
        return new RunDetails.Node(id, text(n.get("extension")), number(n.get("seed")).longValue(),
                number(n.get("seconds")).doubleValue(), Boolean.TRUE.equals(n.get("cached")), params, estimate(n));
    }

    private static Optional<RunDetails.Estimate> estimate(Map<?, ?> n) {
        if (n.get("outputs") instanceof Map<?, ?> o && o.get("estimate") instanceof Map<?, ?> e) {
            OptionalDouble truth = n.get("truth") instanceof Map<?, ?> t ? optional(t.get("mi")) : OptionalDouble.empty();
            return Optional.of(new RunDetails.Estimate(number(e.get("mi")).doubleValue(), optional(e.get("stderr")),
                    truth, number(e.get("n")).longValue()));
        }
        return Optional.empty();
    }

    private static List<RunDetails.Plugin> plugins(Map<?, ?> prov) {
        List<RunDetails.Plugin> out = new ArrayList<>();
        if (prov.get("plugins") instanceof List<?> ps) {
            for (Object o : ps) {
                Map<?, ?> p = (Map<?, ?>) o;
                out.add(new RunDetails.Plugin(text(p.get("id")), text(p.get("version")), text(p.get("sha256"))));
            }
        }
        return out;
    }

    private static List<RunDetails.Artifact> artifacts(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> dir.relativize(f).toString().replace('\\', '/').contains("/artifacts/"))
                    .sorted()
                    .map(f -> new RunDetails.Artifact(dir.relativize(f).toString().replace('\\', '/'), size(f)))
                    .toList();
        }
    }

    private static List<RunDetails.Metric> metrics(Path dir) throws IOException {
        List<RunDetails.Metric> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(f -> f.getFileName().toString().equals("metrics.csv")).sorted().toList();
        }
        for (Path f : files) {
            Path rel = dir.relativize(f);
            OptionalInt point = RunLayout.pointOf(rel);
            if (point.isPresent()) {
                readMetrics(f, point.getAsInt(), RunLayout.nodeOf(rel), out);
            }
        }
        return out;
    }

    /** Adds each row of the {@code metrics.csv} of {@code node} at {@code point} to {@code out}. */
    private static void readMetrics(Path f, int point, String node, List<RunDetails.Metric> out) throws IOException {
        try (var reader = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                if (r.size() == 3) {
                    out.add(new RunDetails.Metric(point, node, r.get(0), Long.parseLong(r.get(1)),
                            Double.parseDouble(r.get(2))));
                }
            }
        }
    }

    private static Map<?, ?> yaml(Path file) throws IOException {
        try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
            if (!(root instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException(file.getFileName() + " is not a mapping");
            }
            return m;
        }
    }

    private static Optional<Map<?, ?>> json(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of((Map<?, ?>) Json.parseExact(Files.readString(file, StandardCharsets.UTF_8)));
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    /** A swept value as text (lists and mappings as compact JSON). */
    static String valueText(Object v) {
        return v instanceof List<?> || v instanceof Map<?, ?> ? Json.compact(v) : String.valueOf(v);
    }

    private static Number number(Object o) {
        if (o instanceof Number n) {
            return n;
        }
        if (o instanceof String s && !s.isEmpty()) {
            return Double.parseDouble(s);
        }
        return 0;
    }

    private static OptionalDouble optional(Object o) {
        return o == null ? OptionalDouble.empty() : OptionalDouble.of(number(o).doubleValue());
    }
}
