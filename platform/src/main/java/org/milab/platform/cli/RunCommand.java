package org.milab.platform.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.milab.platform.plugins.PluginHost;
import org.milab.platform.report.HtmlReport;
import org.milab.platform.run.ErrorText;
import org.milab.platform.run.Json;
import org.milab.platform.run.RecordedRun;
import org.milab.platform.run.RunOptions;
import org.milab.platform.run.RunReport;
import org.milab.platform.run.RunRequest;
import org.milab.platform.run.RunService;
import org.milab.platform.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code milab run FILE}: runs an experiment through {@link RunService} and prints its summary. */
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

    @Option(names = "--jobs", paramLabel = "N", description = "sweep points run at once (default: ${DEFAULT-VALUE})")
    int jobs = 1;

    @Option(names = "--no-cache", description = "compute every node, even those in the node cache (~/.milab/cache)")
    boolean noCache;

    @Option(names = "--resume", description = "continue the newest unfinished run folder of this experiment")
    boolean resume;

    @Mixin
    StoreOptions store;

    @Mixin
    OutputFormat output;

    @Option(names = "--quiet", description = "no progress on standard error")
    boolean quiet;

    @Option(names = "--install-missing", description = "with RUN_FOLDER: first install, from --repo, the recorded "
            + "versions of the plugins it used that are missing or differ")
    boolean installMissing;

    @Mixin
    RepositoryOption repository;

    @Mixin
    ExecutorOptions executor;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        boolean spark = executor.spark();
        requireLocalJobs(spark);
        RunRequest request = request(err);
        RunOptions options = options();
        try (PluginHost h = host.startHost()) {
            RunReport report = run(h, request, options, spark, err);
            print(report);
            printNotes(err, request, report);
            return failures(err, report);
        }
    }

    /** {@code --jobs} is for the local executor only. */
    private void requireLocalJobs(boolean spark) {
        if (spark && jobs != 1) {
            throw new org.milab.api.ConfigurationException("--jobs " + jobs, "is for the local executor; on Spark "
                    + "every point is a task, run on as many cores as --master gives");
        }
    }

    /** The request for FILE (or RUN_FOLDER, first installing its missing plugins when asked to). */
    private RunRequest request(PrintWriter err) {
        List<String> argv = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        if (installMissing && RecordedRun.isRunFolder(file)) {
            SharePluginCommands.readRun(file, true, host, repository, err);
        }
        return RunRequest.of(file, sets, runsDir, argv);
    }

    /** The run options: jobs, node cache, resume, and indexing the finished run folder in the run store. */
    private RunOptions options() {
        Optional<Path> cache = noCache ? Optional.empty() : Optional.of(HostOptions.milabHome().resolve("cache")
                .resolve("nodes"));
        String storeLocation = store.location();
        return new RunOptions(jobs, cache, resume, folder -> {
            try (RunStore s = RunStore.open(storeLocation)) {
                s.index(folder);
            }
        });
    }

    /** Reports how the host's plugins differ from a reproduced run's, then runs the request here or on Spark. */
    private RunReport run(PluginHost h, RunRequest request, RunOptions options, boolean spark, PrintWriter err) {
        request.recorded().ifPresent(r -> r.hostReport(h.plugins()).forEach(err::println));
        RunService service = new RunService(h, new ConsoleProgress(err,
                ConsoleProgress.Mode.detect(quiet), System::nanoTime), w -> err.println("milab: warning: " + w));
        return spark ? RemoteRun.run(service, request, options, sets, executor.open(host))
                : service.run(request, options);
    }

    /** Prints the results as JSON, or the summary table, run folder and report for people. */
    private void print(RunReport report) {
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            report.results().put("runDir", report.folder().path().toString());
            report.results().put("report", report.folder().path().resolve(HtmlReport.FILE).toString());
            out.println(Json.pretty(report.results()));
        } else {
            RunSummary.print(out, report.graph(), report.points());
            out.println("run folder: " + report.folder().path());
            out.println("report: " + report.folder().path().resolve(HtmlReport.FILE));
        }
        out.flush();
    }

    /** Whether a reproduced run's estimates are the recorded ones, and how many points a resumed run restored. */
    private static void printNotes(PrintWriter err, RunRequest request, RunReport report) {
        report.reproduced().ifPresent(diffs -> printReproduction(err, request, diffs));
        if (report.restored() > 0) {
            err.println("milab: resumed " + report.folder().path() + ": " + report.restored() + " of "
                    + report.points().size() + " points were already done");
        }
    }

    /** Prints each failed point's error; the exit code of the first failure (0 when none failed). */
    private static int failures(PrintWriter err, RunReport report) {
        Map<Integer, RuntimeException> failed = report.failures();
        failed.forEach((i, e) -> err.println(report.points().size() == 1 ? ErrorText.of(e)
                : ErrorText.of(e).replaceFirst("^milab: ", "milab: point " + i + ": ")));
        if (failed.size() > 0 && report.points().size() > 1) {
            err.println("milab: " + failed.size() + " of " + report.points().size() + " points failed; the others "
                    + "finished and are recorded in " + report.folder().path());
        }
        if (failed.isEmpty()) {
            return ExitCodes.OK;
        }
        return report.points().size() == 1 ? ExitCodes.of(failed.values().iterator().next()) : ExitCodes.RUN_FAILURE;
    }

    private static void printReproduction(PrintWriter err, RunRequest request, List<String> diffs) {
        Path recorded = request.recorded().orElseThrow().folder();
        if (diffs.isEmpty()) {
            err.println("milab: reproduced " + recorded + ": every estimate is identical");
        } else {
            err.println("milab: warning: " + diffs.size() + " estimate(s) differ from " + recorded + ":");
            diffs.forEach(d -> err.println("  " + d));
        }
    }
}
