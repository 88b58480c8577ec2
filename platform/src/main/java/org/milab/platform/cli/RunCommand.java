package org.milab.platform.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.milab.platform.plugins.PluginHost;
import org.milab.platform.run.Json;
import org.milab.platform.run.RunReport;
import org.milab.platform.run.RunRequest;
import org.milab.platform.run.RunService;
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

    @Mixin
    OutputFormat output;

    @Mixin
    ExecutorOptions executor;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> argv = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        boolean spark = executor.spark();
        RunRequest request = RunRequest.of(file, sets, runsDir, argv);
        try (PluginHost h = host.startHost()) {
            RunService service = new RunService(h, new ConsoleProgress(err), w -> err.println("milab: warning: " + w));
            RunReport report = spark ? RemoteRun.run(service, request, sets, executor.open(host)) : service.run(request);
            if (output.json()) {
                report.results().put("runDir", report.folder().path().toString());
                out.println(Json.pretty(report.results()));
            } else {
                if (spark) {
                    RemoteRun.printSummary(out, report);
                } else {
                    RunSummary.print(out, report.graph(), report.points());
                }
                out.println("run folder: " + report.folder().path());
            }
            out.flush();
            report.reproduced().ifPresent(diffs -> printReproduction(err, request, diffs));
        }
        return ExitCodes.OK;
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
