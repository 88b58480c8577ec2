package org.milab.platform.run;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.milab.platform.MilabVersion;
import org.milab.platform.graph.ExperimentGraph;
import org.milab.platform.graph.GraphValidator;
import org.milab.platform.graph.Plan;
import org.milab.platform.plugins.PluginHost;

/**
 * The "run an experiment" use case, for every front end (CLI, UI, a distributed executor): validates the whole
 * graph, creates the run folder, runs every point, and records the resolved graph, results, node outputs and
 * provenance ({@code "running"} from the start, then {@code "ok"} or {@code "failed"} with the error). Ctrl-C
 * cancels between nodes.
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
        request.recorded().ifPresent(r -> r.pluginDifferences(host.plugins()).forEach(warnings));
        ExperimentGraph graph = request.graph();
        List<Plan> plans = new GraphValidator(host.registry()).validate(graph);
        long seed = graph.seed().value();
        RunDirectory dir = RunDirectory.create(request.runsDir(), graph.name());
        dir.write("graph.yaml", ResultsWriter.resolvedGraph(graph, plans.get(0), seed));
        dir.write("experiment.yaml", graph.source());
        Instant start = Instant.now();
        dir.write("provenance.json", Json.pretty(running(request, plans, start)));
        Runnable interrupted = () -> {
            Map<String, Object> prov = provenance(request, plans, start, RecordedRun.INTERRUPTED);
            prov.put("error", "the process was stopped (Ctrl-C or a termination signal) while the run was going on");
            dir.write("provenance.json", Json.pretty(prov));
        };
        CancelOnShutdown cancel = new CancelOnShutdown(interrupted);
        try (cancel) {
            List<PointOutcome> points = new GraphRunner(host.registry(), cancel.flag(), listener).run(plans, seed,
                    dir.path());
            Map<String, Object> results = record(dir, graph, seed, points);
            dir.write("provenance.json", Json.pretty(provenance(request, plans, start, "ok")));
            Optional<List<String>> reproduced = request.recorded().map(r -> r.estimateDifferences(results));
            return new RunReport(graph, points, results, dir, reproduced);
        } catch (RuntimeException e) {
            Map<String, Object> prov = provenance(request, plans, start,
                    cancel.flag().get() ? RecordedRun.INTERRUPTED : "failed");
            prov.put("error", ErrorText.of(e));
            dir.write("provenance.json", Json.pretty(prov));
            throw e;
        }
    }

    private static Map<String, Object> record(RunDirectory dir, ExperimentGraph graph, long seed,
            List<PointOutcome> points) {
        Map<String, Object> results = ResultsWriter.results(graph, seed, points);
        dir.write("results.json", Json.pretty(results));
        dir.write("results.csv", ResultsWriter.estimatesCsv(graph, points));
        for (int i = 0; i < points.size(); i++) {
            for (NodeOutcome n : points.get(i).nodes()) {
                Path nodeDir = RunLayout.nodeFolder(i, points.size(), n.node().id());
                dir.write(nodeDir.resolve("outputs.json").toString(), Json.pretty(ResultsWriter.node(n)));
            }
        }
        return results;
    }

    /**
     * The provenance written before the first node runs: status {@code running}, no end, and this process's id, so
     * that a run folder left by a killed process says so ({@link RecordedRun#requireFinished}).
     */
    private Map<String, Object> running(RunRequest request, List<Plan> plans, Instant start) {
        Map<String, Object> prov = provenance(request, plans, start, RecordedRun.RUNNING);
        prov.remove("end");
        prov.put("pid", ProcessHandle.current().pid());
        return prov;
    }

    private Map<String, Object> provenance(RunRequest request, List<Plan> plans, Instant start, String status) {
        return new LinkedHashMap<>(Provenance.of(MilabVersion.current(), host.plugins(), plans,
                request.graph().seed().value(), request.source(), start, Instant.now(), status, request.argv()));
    }

    /**
     * A cancellation flag set by a JVM shutdown (Ctrl-C, SIGTERM) while the run is open; the shutdown also records
     * the run as {@code interrupted}, since the JVM exits before the nodes can see the flag.
     */
    private static final class CancelOnShutdown implements AutoCloseable {
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final Thread hook;

        CancelOnShutdown(Runnable onShutdown) {
            hook = new Thread(() -> {
                cancelled.set(true);
                onShutdown.run();
            });
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
