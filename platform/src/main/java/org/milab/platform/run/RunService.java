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
        request.recorded().ifPresent(r -> r.versionDifferences().forEach(warnings));
        List<Plan> plans = new GraphValidator(host.registry()).validate(request.graph());
        CacheKeys keys = new CacheKeys(host.plugins());
        RunFolder folder = open(request, options.resume(), plans, keys);
        Started run = start(request, plans, folder);
        ProgressFile progress = new ProgressFile(folder.dir(), listener);
        Collaborators with = new Collaborators(keys, new CancelOnShutdown(() -> recordInterrupted(run)), progress);
        try {
            return execute(run, options, remote, with);
        } finally {
            tell(options, folder.dir());
        }
    }

    /** A run whose folder holds its graph and {@code running} provenance: what the later steps record against. */
    private record Started(RunRequest request, List<Plan> plans, RunFolder folder, Instant start) {
        RunDirectory dir() {
            return folder.dir();
        }
    }

    /** What the run's points need besides the run: node cache keys, the cancellation hook, the progress file. */
    private record Collaborators(CacheKeys keys, CancelOnShutdown cancel, ProgressFile progress) {
    }

    /** Runs the points and records the outcome: the results, or the failure (then rethrown). */
    private RunReport execute(Started run, RunOptions options, PointExecutor remote, Collaborators with) {
        try (CancelOnShutdown cancel = with.cancel()) {
            return complete(run, runPoints(run, options, remote, with), with.progress());
        } catch (RuntimeException e) {
            recordFailure(run, with.progress(), with.cancel().flag().get(), e);
            throw e;
        }
    }

    /** Writes the resolved graph, the experiment's source and the {@code running} provenance. */
    private Started start(RunRequest request, List<Plan> plans, RunFolder folder) {
        RunDirectory dir = folder.dir();
        ExperimentGraph graph = request.graph();
        dir.write("graph.yaml", ResultsWriter.resolvedGraph(graph, plans.get(0), graph.seed().value()));
        dir.write("experiment.yaml", graph.source());
        Instant start = Instant.now();
        dir.write("provenance.json", Json.pretty(running(request, plans, start)));
        return new Started(request, plans, folder, start);
    }

    private List<PointOutcome> runPoints(Started run, RunOptions options, PointExecutor remote, Collaborators with) {
        RunFolder folder = run.folder();
        RunJournal journal = new RunJournal(folder.dir());
        Path dir = folder.dir().path();
        if (remote != null) {
            return remote.run(run.plans(), dir, folder.done(), journal::record);
        }
        Optional<NodeCache> cache = run.request().recorded().isPresent() ? Optional.empty()
                : options.cacheDir().map(NodeCache::new);
        GraphRunner runner = new GraphRunner(host.registry(), with.cancel().flag(), with.progress(),
                Optional.of(with.keys()), cache);
        return new SweepExecutor(runner, options.jobs()).run(run.plans(), dir, folder.done(), journal::record);
    }

    /** Records the results and the final provenance, ends the progress file and reports what was run. */
    private RunReport complete(Started run, List<PointOutcome> points, ProgressFile progress) {
        ExperimentGraph graph = run.request().graph();
        Map<String, Object> results = record(run.dir(), graph, graph.seed().value(), points);
        Map<String, Object> prov = finalProvenance(run, points);
        run.dir().write("provenance.json", Json.pretty(prov));
        finish(run.dir(), progress, String.valueOf(prov.get("status")));
        Optional<List<String>> reproduced = run.request().recorded().map(r -> r.estimateDifferences(results));
        int restored = run.folder().done().size();
        return new RunReport(graph, points, results, run.dir(), reproduced, restored);
    }

    /** Status {@code ok}, or {@code failed} with a summary when a point failed; resumed points are counted. */
    private Map<String, Object> finalProvenance(Started run, List<PointOutcome> points) {
        Map<String, Object> prov = provenance(run, "ok");
        if (run.folder().resumed()) {
            prov.put("resumedPoints", run.folder().done().size());
        }
        failureSummary(points).ifPresent(e -> {
            prov.put("status", "failed");
            prov.put("error", e);
        });
        return prov;
    }

    /** Records the run as interrupted by a JVM shutdown (Ctrl-C, SIGTERM). */
    private void recordInterrupted(Started run) {
        Map<String, Object> prov = provenance(run, RecordedRun.INTERRUPTED);
        prov.put("error", "the process was stopped (Ctrl-C or a termination signal) while the run was going on");
        run.dir().write("provenance.json", Json.pretty(prov));
    }

    /** Records the run as failed (or interrupted, when it was cancelled) with {@code e}'s message. */
    private void recordFailure(Started run, ProgressFile progress, boolean cancelled, RuntimeException e) {
        Map<String, Object> prov = provenance(run, cancelled ? RecordedRun.INTERRUPTED : "failed");
        prov.put("error", ErrorText.of(e));
        run.dir().write("provenance.json", Json.pretty(prov));
        finish(run.dir(), progress, "failed");
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
        return Optional.of(samePoints(new RunDirectory(newest.get()), fingerprints));
    }

    /** {@code dir}, checked to have planned the points {@code fingerprints} name. */
    private static RunDirectory samePoints(RunDirectory dir, List<String> fingerprints) {
        Optional<List<String>> recorded = new RunJournal(dir).fingerprints();
        if (recorded.isEmpty() || !recorded.get().equals(fingerprints)) {
            throw new ConfigurationException(dir.path().toString(), "cannot be resumed: it was started from "
                    + "another graph, other --set values or other plugins (its planned points differ); run without "
                    + "--resume to start a new run");
        }
        return dir;
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

    private Map<String, Object> provenance(Started run, String status) {
        return provenance(run.request(), run.plans(), run.start(), status);
    }

    private Map<String, Object> provenance(RunRequest request, List<Plan> plans, Instant start, String status) {
        Provenance.Run run = new Provenance.Run(request.graph().seed().value(), request.source(), request.argv(), start,
                Instant.now(), status);
        return new LinkedHashMap<>(Provenance.of(MilabVersion.current(), host.plugins(), plans, run));
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
