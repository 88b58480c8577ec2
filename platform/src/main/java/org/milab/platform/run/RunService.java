package org.milab.platform.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.milab.api.ConfigurationException;
import org.milab.platform.MilabVersion;
import org.milab.platform.graph.ExperimentGraph;
import org.milab.platform.graph.GraphValidator;
import org.milab.platform.graph.Plan;
import org.milab.platform.plugins.PluginHost;

/**
 * The "run an experiment" use case, for every front end (CLI, UI, a distributed executor): validates the whole
 * graph, creates (or, to resume, reopens) the run folder, runs every point ({@link RunOptions#jobs()} at once,
 * nodes served from the node cache when it is on, except when reproducing a recorded run, which must recompute),
 * journals each point as it finishes, and records the resolved
 * graph, results, node outputs and provenance ({@code "running"} from the start, then {@code "ok"}, or
 * {@code "failed"} with the error, or {@code "interrupted"}). A point that
 * fails does not stop the others. It keeps {@code progress.json} current while it runs and ends by writing
 * {@code report.html}. Ctrl-C cancels between nodes.
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

    /** Runs {@code request} with {@link RunOptions#defaults()}. */
    public RunReport run(RunRequest request) {
        return run(request, RunOptions.defaults());
    }

    /**
     * Runs {@code request}. Failed points are in {@link RunReport#failures()}.
     *
     * @throws ConfigurationException when the graph is invalid (nothing is written then), or {@code --resume}
     *                                finds a folder started from another graph
     * @throws GraphRunner.Cancelled  when the run was cancelled (the run folder then records the failure)
     */
    public RunReport run(RunRequest request, RunOptions options) {
        return run(request, options, null);
    }

    /**
     * Runs {@code request} with its points on {@code remote} (a cluster; {@code null}: threads of this JVM). The run
     * folder, journal, results and provenance are the same either way.
     *
     * @see #run(RunRequest, RunOptions)
     */
    public RunReport run(RunRequest request, RunOptions options, PointExecutor remote) {
        request.recorded().ifPresent(r -> r.pluginDifferences(host.plugins()).forEach(warnings));
        ExperimentGraph graph = request.graph();
        List<Plan> plans = new GraphValidator(host.registry()).validate(graph);
        long seed = graph.seed().value();
        CacheKeys keys = new CacheKeys(host.plugins());
        RunFolder folder = open(request, options.resume(), plans, keys);
        RunDirectory dir = folder.dir();
        RunJournal journal = new RunJournal(dir);
        Map<Integer, PointOutcome> done = folder.done();
        dir.write("graph.yaml", ResultsWriter.resolvedGraph(graph, plans.get(0), seed));
        dir.write("experiment.yaml", graph.source());
        Instant start = Instant.now();
        dir.write("provenance.json", Json.pretty(running(request, plans, start)));
        Runnable interrupted = () -> {
            Map<String, Object> prov = provenance(request, plans, start, RecordedRun.INTERRUPTED);
            prov.put("error", "the process was stopped (Ctrl-C or a termination signal) while the run was going on");
            dir.write("provenance.json", Json.pretty(prov));
        };
        ProgressFile progress = new ProgressFile(dir, listener);
        CancelOnShutdown cancel = new CancelOnShutdown(interrupted);
        try (cancel) {
            GraphRunner runner = new GraphRunner(host.registry(), cancel.flag(), progress, Optional.of(keys),
                    request.recorded().isPresent() ? Optional.empty() : options.cacheDir().map(NodeCache::new));
            List<PointOutcome> points = remote != null ? remote.run(plans, dir.path(), done, journal::record)
                    : new SweepExecutor(runner, options.jobs()).run(plans, dir.path(), done, journal::record);
            Map<String, Object> results = record(dir, graph, seed, points);
            Map<String, Object> prov = provenance(request, plans, start, "ok");
            if (folder.resumed()) {
                prov.put("resumedPoints", done.size());
            }
            failureSummary(points).ifPresent(e -> {
                prov.put("status", "failed");
                prov.put("error", e);
            });
            dir.write("provenance.json", Json.pretty(prov));
            finish(dir, progress, String.valueOf(prov.get("status")));
            Optional<List<String>> reproduced = request.recorded().map(r -> r.estimateDifferences(results));
            return new RunReport(graph, points, results, dir, reproduced, done.size());
        } catch (RuntimeException e) {
            Map<String, Object> prov = provenance(request, plans, start,
                    cancel.flag().get() ? RecordedRun.INTERRUPTED : "failed");
            prov.put("error", ErrorText.of(e));
            dir.write("provenance.json", Json.pretty(prov));
            finish(dir, progress, "failed");
            throw e;
        } finally {
            tell(options, dir);
        }
    }

    /** The run folder: a new one, or the one being resumed with the points its journal already holds. */
    private record RunFolder(RunDirectory dir, Map<Integer, PointOutcome> done, boolean resumed) {
    }

    private RunFolder open(RunRequest request, boolean resume, List<Plan> plans, CacheKeys keys) {
        List<String> fingerprints = plans.stream().map(keys::fingerprint).toList();
        Optional<RunDirectory> resumed = resume ? resumable(request, fingerprints) : Optional.empty();
        if (resumed.isPresent()) {
            return new RunFolder(resumed.get(), new RunJournal(resumed.get()).finished(plans), true);
        }
        RunDirectory dir = RunDirectory.create(request.runsDir(), request.graph().name());
        new RunJournal(dir).start(fingerprints);
        return new RunFolder(dir, Map.of(), false);
    }

    private void tell(RunOptions options, RunDirectory dir) {
        try {
            options.recorded().accept(dir.path());
        } catch (RuntimeException e) {
            warnings.accept(ErrorText.of(e).replaceFirst("^milab: ", "") + " (the run folder " + dir.path()
                    + " is complete)");
        }
    }

    /** "k of n points failed" with the first failure, when any point failed. */
    private static Optional<String> failureSummary(List<PointOutcome> points) {
        List<PointOutcome> failed = points.stream().filter(p -> !p.ok()).toList();
        if (failed.isEmpty()) {
            return Optional.empty();
        }
        String first = failed.get(0).error().orElseThrow();
        return Optional.of(points.size() == 1 ? first : failed.size() + " of " + points.size()
                + " points failed; the first: " + first);
    }

    /** The newest run folder of the experiment that did not finish ok, checked to be a run of the same points. */
    private Optional<RunDirectory> resumable(RunRequest request, List<String> fingerprints) {
        Path experiment = RunDirectory.experimentFolder(request.runsDir(), request.graph().name());
        Optional<Path> newest = unfinished(experiment);
        if (newest.isEmpty()) {
            warnings.accept("no unfinished run of '" + request.graph().name() + "' in " + experiment
                    + "; starting a new run");
            return Optional.empty();
        }
        RunDirectory dir = new RunDirectory(newest.get());
        Optional<List<String>> recorded = new RunJournal(dir).fingerprints();
        if (recorded.isEmpty() || !recorded.get().equals(fingerprints)) {
            throw new ConfigurationException(newest.get().toString(), "cannot be resumed: it was started from "
                    + "another graph, other --set values or other plugins (its planned points differ); run without "
                    + "--resume to start a new run");
        }
        return Optional.of(dir);
    }

    private static Optional<Path> unfinished(Path experimentFolder) {
        if (!Files.isDirectory(experimentFolder)) {
            return Optional.empty();
        }
        try (Stream<Path> runs = Files.list(experimentFolder)) {
            return runs.filter(Files::isDirectory).filter(d -> Files.isRegularFile(d.resolve("graph.yaml")))
                    .filter(d -> !finishedOk(d))
                    .max(java.util.Comparator.comparing(d -> d.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + experimentFolder, e);
        }
    }

    private static boolean finishedOk(Path runFolder) {
        Path prov = runFolder.resolve("provenance.json");
        try {
            return Files.isRegularFile(prov) && Json.parse(Files.readString(prov)) instanceof Map<?, ?> m
                    && "ok".equals(m.get("status"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Marks the progress file ended and writes {@code report.html}; either failing is a warning only. */
    private void finish(RunDirectory dir, ProgressFile progress, String status) {
        try {
            progress.ended(status);
            org.milab.platform.report.HtmlReport.writeInto(dir.path());
        } catch (RuntimeException e) {
            warnings.accept("cannot write " + dir.path().resolve("report.html") + ": " + ErrorText.of(e));
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
