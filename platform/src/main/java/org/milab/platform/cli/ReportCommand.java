package org.milab.platform.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.milab.api.ConfigurationException;
import org.milab.platform.report.FolderRunCatalog;
import org.milab.platform.report.HtmlReport;
import org.milab.platform.report.RunData;
import org.milab.platform.report.RunEntry;
import org.milab.platform.store.StoreException;
import org.milab.platform.store.StoreRunCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code milab report RUN_FOLDER|ID}: writes a run's self-contained {@code report.html}. */
@Command(name = "report", description = "Write a run's self-contained HTML report (report.html in the run folder).")
final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_FOLDER|ID", description = "a run folder, or a run id (its folder name) under --runs-dir")
    String run;

    @Option(names = "--runs-dir", paramLabel = "DIR", description = "where to look up a run id (default: ${DEFAULT-VALUE})")
    Path runsDir = Path.of("runs");

    @picocli.CommandLine.Mixin
    StoreOptions store;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write here instead of RUN_FOLDER/report.html")
    Path output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path folder = resolve(run, runsDir, store.location());
        RunData data = RunData.read(folder);
        Path written = HtmlReport.write(data, output != null ? output : folder.resolve(HtmlReport.FILE));
        spec.commandLine().getOut().println("report: " + written);
        return ExitCodes.OK;
    }

    /**
     * A run folder given as a path, or as an id (or experiment/id) under {@code runsDir}, else indexed in the run
     * store at {@code store} (a store that cannot be opened is then only not consulted).
     */
    static Path resolve(String run, Path runsDir, String store) {
        Path asPath = Path.of(run);
        if (Files.isRegularFile(asPath.resolve("graph.yaml"))) {
            return asPath;
        }
        return new FolderRunCatalog(runsDir).get(run).or(() -> fromStore(run, store)).map(RunEntry::folder)
                .orElseThrow(() -> new ConfigurationException(run, "is neither a run folder (a folder with "
                        + "graph.yaml) nor the id of a run under " + runsDir + " or in the run store " + store
                        + "; pass the folder 'milab run' printed, or --runs-dir"));
    }

    private static java.util.Optional<RunEntry> fromStore(String run, String store) {
        if (!store.startsWith("jdbc:") && !Files.isRegularFile(Path.of(store))) {
            return java.util.Optional.empty();
        }
        try {
            return new StoreRunCatalog(store).get(run);
        } catch (StoreException e) {
            return java.util.Optional.empty();
        }
    }
}
