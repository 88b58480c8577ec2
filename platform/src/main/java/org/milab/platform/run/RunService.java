package org.milab.platform.run;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.milab.api.MilabException;
import org.milab.platform.MilabVersion;
import org.milab.platform.graph.ExperimentGraph;
import org.milab.platform.graph.GraphValidator;
import org.milab.platform.graph.Plan;
import org.milab.platform.plugins.PluginHost;

/**
 * The "run an experiment" use case, for every front end (CLI, UI, a distributed executor): validates the whole
 * graph, creates the run folder, runs every point, and records the resolved graph, results, node outputs and
 * provenance ({@code "ok"} or {@code "failed"} with the error). Ctrl-C cancels between nodes.
 */
public final class RunService {

    private final PluginHost host;
    private final GraphRunner.Listener listener;
    private final Consumer<String> warnings;

    /**
     * A service over {@code host}'s plugins.
     *
     * @param listener told of node starts, ends and progress
     * @param warnings receives one line per warning (plugins that differ from a reproduced run's)
     */
    public RunService(PluginHost host, GraphRunner.Listener listener, Consumer<String> warnings) {
        this.host = host;
        this.listener = listener;
        this.warnings = warnings;
    }

    /**
     * Runs {@code request}.
     *
     * @throws org.milab.api.ConfigurationException when the graph is invalid (nothing is written then)
     * @throws GraphRunner.NodeFailure when a node fails (the run folder then records the failure)
     */
    public RunReport run(RunRequest request) {
        return run(request, null);
    }

    /**
     * Runs {@code request}'s points on {@code remote} (or here when it is {@code null}) and writes the same run
     * folder either way. With a remote executor a failed point does not stop the others: every point's record is
     * written (a failed one with its error), then the run is marked failed.
     *
     * @throws org.milab.api.ConfigurationException when the graph is invalid (nothing is written then)
     * @throws MilabException when a node or a remote point failed (the run folder then records the failure)
     */
    public RunReport run(RunRequest request, PointExecutor remote) {
        request.recorded().ifPresent(r -> r.pluginDifferences(host.plugins()).forEach(warnings));
        ExperimentGraph graph = request.graph();
        List<Plan> plans = new GraphValidator(host.registry()).validate(graph);
        long seed = graph.seed().value();
        RunDirectory dir = RunDirectory.create(request.runsDir(), graph.name());
        dir.write("graph.yaml", ResultsWriter.resolvedGraph(graph, plans.get(0), seed));
        dir.write("experiment.yaml", graph.source());
        Instant start = Instant.now();
        try (CancelOnShutdown cancel = new CancelOnShutdown()) {
            List<PointOutcome> points = remote == null ? new GraphRunner(host.registry(), cancel.flag(), listener)
                    .run(plans, seed, dir.path()) : List.of();
            List<PointRecord> records = remote == null ? List.of() : remote.run(plans);
            Map<String, Object> results = remote == null ? record(dir, graph, seed, points.stream()
                    .map(ResultsWriter::point).toList(), points.stream().flatMap(p -> ResultsWriter.csvRows(p)
                    .stream()).toList()) : record(dir, graph, seed, records);
            List<String> failures = records.stream().filter(PointRecord::failed)
                    .map(r -> "point " + r.index() + ": " + r.error()).toList();
            if (!failures.isEmpty()) {
                throw new MilabException(failures.size() + " of " + records.size() + " points failed (the others "
                        + "are recorded in " + dir.path() + "):\n  " + String.join("\n  ", failures));
            }
            dir.write("provenance.json", Json.pretty(provenance(request, plans, start, "ok")));
            Optional<List<String>> reproduced = request.recorded().map(r -> r.estimateDifferences(results));
            return new RunReport(graph, points, results, dir, reproduced);
        } catch (RuntimeException e) {
            Map<String, Object> prov = provenance(request, plans, start, "failed");
            prov.put("error", ErrorText.of(e));
            dir.write("provenance.json", Json.pretty(prov));
            throw e;
        }
    }

    /** Writes the remote points' files, then their results as a local run's. */
    private static Map<String, Object> record(RunDirectory dir, ExperimentGraph graph, long seed,
            List<PointRecord> records) {
        records.forEach(r -> r.files().forEach(dir::writeBytes));
        return record(dir, graph, seed, records.stream().map(PointRecord::entry).toList(),
                records.stream().flatMap(r -> r.csvRows().stream()).toList());
    }

    /** Writes results.json, results.csv and each node's outputs.json from the points' entries and CSV rows. */
    private static Map<String, Object> record(RunDirectory dir, ExperimentGraph graph, long seed,
            List<Map<String, Object>> entries, List<List<String>> csvRows) {
        Map<String, Object> results = ResultsWriter.resultsOf(graph, seed, entries);
        dir.write("results.json", Json.pretty(results));
        dir.write("results.csv", ResultsWriter.estimatesCsvOf(graph, csvRows));
        for (int i = 0; i < entries.size(); i++) {
            Map<?, ?> nodes = (Map<?, ?>) entries.get(i).get("nodes");
            for (Map.Entry<?, ?> n : nodes.entrySet()) {
                Path nodeDir = RunLayout.nodeFolder(i, entries.size(), String.valueOf(n.getKey()));
                dir.write(nodeDir.resolve("outputs.json").toString(), Json.pretty(n.getValue()));
            }
        }
        return results;
    }

    private Map<String, Object> provenance(RunRequest request, List<Plan> plans, Instant start, String status) {
        return new LinkedHashMap<>(Provenance.of(MilabVersion.current(), host.plugins(), plans,
                request.graph().seed().value(), request.source(), start, Instant.now(), status, request.argv()));
    }

    /** A cancellation flag set by a JVM shutdown (Ctrl-C) while the run is open. */
    private static final class CancelOnShutdown implements AutoCloseable {
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final Thread hook = new Thread(() -> cancelled.set(true));

        CancelOnShutdown() {
            Runtime.getRuntime().addShutdownHook(hook);
        }

        AtomicBoolean flag() {
            return cancelled;
        }

        @Override
        public void close() {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting because of Ctrl-C; the flag is already set
            }
        }
    }
}
