package org.milab.platform.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.milab.api.analysis.AnalysisResult;
import org.milab.api.analysis.Table;
import org.milab.api.estimate.Estimate;
import org.milab.api.train.TrainingResult;
import org.milab.platform.MilabVersion;
import org.milab.platform.graph.ExperimentGraph;
import org.milab.platform.graph.GraphParser;
import org.milab.platform.graph.GraphValidator;
import org.milab.platform.graph.Plan;
import org.milab.platform.plugins.PluginHost;
import org.milab.platform.run.GraphRunner;
import org.milab.platform.run.Json;
import org.milab.platform.run.NodeOutcome;
import org.milab.platform.run.PointOutcome;
import org.milab.platform.run.Provenance;
import org.milab.platform.run.RecordedRun;
import org.milab.platform.run.ResultsWriter;
import org.milab.platform.run.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code milab run FILE}: validates, runs, records and summarises an experiment. */
@Command(name = "run", description = "Run an experiment: validate the whole graph, run it, and record it in a run folder.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    HostOptions host;

    @Parameters(paramLabel = "FILE.yaml|RUN_FOLDER", description = "the experiment, or a run folder to re-run and check")
    Path file;

    @Option(names = "--set", paramLabel = "NODE.PARAM=VALUE", description = "override a parameter, or seed=N (repeatable)")
    List<String> sets = new ArrayList<>();

    @Option(names = "--runs-dir", paramLabel = "DIR", description = "where run folders go (default: ${DEFAULT-VALUE})")
    Path runsDir = Path.of("runs");

    @Mixin
    OutputFormat output;

    @Option(names = "--install-missing", description = "with RUN_FOLDER: first install, from --repo, the recorded "
            + "versions of the plugins it used that are missing or differ")
    boolean installMissing;

    @Mixin
    RepositoryOption repository;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        java.util.Optional<RecordedRun> recorded = RecordedRun.isRunFolder(file) ? java.util.Optional.of(
                SharePluginCommands.readRun(file, installMissing, host, repository, err)) : java.util.Optional.empty();
        Path source = recorded.map(RecordedRun::graph).orElse(file);
        ExperimentGraph graph = Overrides.apply(new GraphParser().parse(source), sets);
        try (PluginHost h = host.startHost()) {
            recorded.ifPresent(r -> r.hostReport(h.plugins()).forEach(err::println));
            List<Plan> plans = new GraphValidator(h.registry()).validate(graph);
            long seed = graph.seed().value();
            RunDirectory dir = RunDirectory.create(runsDir, graph.name());
            dir.write("graph.yaml", ResultsWriter.resolvedGraph(graph, plans.get(0), seed));
            dir.write("experiment.yaml", graph.source());
            AtomicBoolean cancelled = new AtomicBoolean();
            Thread hook = new Thread(() -> cancelled.set(true));
            Runtime.getRuntime().addShutdownHook(hook);
            Instant start = Instant.now();
            List<String> argv = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
            try {
                List<PointOutcome> points = new GraphRunner(h.registry(), cancelled, new Progress(err)).run(plans, seed,
                        dir.path());
                Map<String, Object> results = ResultsWriter.results(graph, seed, points);
                dir.write("results.json", Json.pretty(results));
                dir.write("results.csv", ResultsWriter.estimatesCsv(graph, points));
                for (PointOutcome p : points) {
                    for (NodeOutcome n : p.nodes()) {
                        Path nodeDir = points.size() == 1 ? Path.of("nodes", n.node().id())
                                : Path.of("points", String.valueOf(points.indexOf(p)), n.node().id());
                        dir.write(nodeDir.resolve("outputs.json").toString(), Json.pretty(ResultsWriter.node(n)));
                    }
                }
                dir.write("provenance.json", Json.pretty(Provenance.of(MilabVersion.current(), h.plugins(), plans, seed,
                        source, start, Instant.now(), "ok", argv)));
                if (output.json()) {
                    results.put("runDir", dir.path().toString());
                    out.println(Json.pretty(results));
                } else {
                    printSummary(out, graph, points);
                    out.println("run folder: " + dir.path());
                }
                out.flush();
                recorded.ifPresent(r -> reportReproduction(err, r, results));
            } catch (RuntimeException e) {
                Map<String, Object> prov = new LinkedHashMap<>(Provenance.of(MilabVersion.current(), h.plugins(), plans,
                        seed, source, start, Instant.now(), "failed", argv));
                prov.put("error", ErrorText.of(e));
                dir.write("provenance.json", Json.pretty(prov));
                throw e;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is exiting because of Ctrl-C; the flag is already set
                }
            }
        }
        return ExitCodes.OK;
    }

    private static void reportReproduction(PrintWriter err, RecordedRun recorded, Map<String, Object> results) {
        List<String> diffs = recorded.estimateDifferences(results);
        if (diffs.isEmpty()) {
            err.println("milab: reproduced " + recorded.folder() + ": every estimate is identical");
        } else {
            err.println("milab: warning: " + diffs.size() + " estimate(s) differ from " + recorded.folder() + ":");
            diffs.forEach(d -> err.println("  " + d));
        }
    }

    private static void printSummary(PrintWriter out, ExperimentGraph graph, List<PointOutcome> points) {
        List<String> header = new ArrayList<>(graph.sweep().keySet());
        header.addAll(List.of("node", "estimator", "estimate (nats)", "truth", "error", "log-ratio", "time"));
        TextTable estimates = new TextTable(header);
        List<Table> tables = new ArrayList<>();
        List<String> verdicts = new ArrayList<>();
        List<String> trainHeader = new ArrayList<>(graph.sweep().keySet());
        trainHeader.addAll(List.of("node", "strategy", "test metrics", "time"));
        TextTable trained = new TextTable(trainHeader);
        for (PointOutcome p : points) {
            for (NodeOutcome n : p.nodes()) {
                n.outputs().forEach((port, value) -> {
                    if (!ResultsWriter.shown(graph, n, port)) {
                        return;
                    }
                    if (value instanceof Estimate e) {
                        List<String> row = new ArrayList<>();
                        p.point().values().forEach(v -> row.add(String.valueOf(v)));
                        row.add(n.node().id());
                        row.add(n.node().extension().name());
                        row.add(fmt(e.nats()) + (e.standardError().isPresent()
                                ? " ± " + fmt(e.standardError().getAsDouble()) : ""));
                        row.add(n.truth().map(t -> fmt(t.nats())).orElse("-"));
                        row.add(n.truth().map(t -> fmt(e.nats() - t.nats())).orElse("-"));
                        row.add(n.logRatio().isPresent() ? fmt(n.logRatio().getAsDouble()) : "-");
                        row.add(String.format(Locale.ROOT, "%.3f s", n.seconds()));
                        estimates.add(row);
                    } else if (value instanceof TrainingResult t) {
                        List<String> row = new ArrayList<>();
                        p.point().values().forEach(v -> row.add(String.valueOf(v)));
                        row.add(n.node().id());
                        row.add(n.node().extension().name());
                        row.add(t.metrics().entrySet().stream().filter(m -> m.getKey().startsWith("test-"))
                                .sorted(Map.Entry.comparingByKey())
                                .map(m -> m.getKey().substring(5) + " " + fmt(m.getValue()))
                                .collect(java.util.stream.Collectors.joining(", ")));
                        row.add(String.format(Locale.ROOT, "%.3f s", n.seconds()));
                        trained.add(row);
                    } else if (value instanceof AnalysisResult a) {
                        tables.addAll(a.tables());
                        verdicts.addAll(a.verdicts());
                    }
                });
            }
        }
        out.println("experiment " + graph.name() + " (seed " + graph.seed().value() + ")");
        if (!estimates.isEmpty()) {
            out.print(estimates);
        }
        if (!trained.isEmpty()) {
            out.print(trained);
        }
        for (Table t : tables) {
            out.println();
            out.println(t.title());
            TextTable tt = new TextTable(t.columns());
            t.rows().forEach(r -> tt.add(r.stream().map(RunCommand::cell).toList()));
            out.print(tt);
        }
        verdicts.forEach(v -> out.println("- " + v));
    }

    private static String cell(Object o) {
        return o instanceof Double d ? fmt(d) : String.valueOf(o);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** Node progress on standard error, only when it is a terminal. */
    private static final class Progress implements GraphRunner.Listener {
        private final PrintWriter err;
        private final boolean interactive = System.console() != null;
        private String current = "";

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void started(String id, int point, int points) {
            current = points > 1 ? id + " [" + (point + 1) + "/" + points + "]" : id;
            if (interactive) {
                err.print("\r\033[K" + current + " ...");
                err.flush();
            }
        }

        @Override
        public void finished(String id, double seconds) {
            if (interactive) {
                err.print("\r\033[K");
                err.flush();
            }
        }

        @Override
        public void progress(String nodeId, long done, long total) {
            if (interactive && total > 0) {
                int width = 30;
                int filled = (int) (width * Math.min(1.0, (double) done / total));
                err.print("\r\033[K" + current + " [" + "#".repeat(filled) + " ".repeat(width - filled) + "] "
                        + (100 * done / total) + "%");
                err.flush();
            }
        }
    }

}
