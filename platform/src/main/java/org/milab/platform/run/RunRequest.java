package org.milab.platform.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.milab.platform.graph.ExperimentGraph;
import org.milab.platform.graph.GraphParser;
import org.milab.platform.graph.Overrides;

/**
 * What to run: a parsed graph (overrides applied), the file it came from, the recorded run it reproduces if any,
 * where run folders go, and the command line to record in the provenance.
 *
 * @param graph the graph as it will run
 * @param source the experiment file read
 * @param recorded the run folder being reproduced, when {@code milab run RUN_FOLDER} was asked
 * @param runsDir where the new run folder is created
 * @param argv the command line, recorded in {@code provenance.json}
 */
public record RunRequest(ExperimentGraph graph, Path source, Optional<RecordedRun> recorded, Path runsDir,
        List<String> argv) {

    /** Copies {@code argv}. */
    public RunRequest {
        argv = List.copyOf(argv);
    }

    /**
     * Reads {@code fileOrRunFolder} (an experiment file, or a run folder to reproduce) and applies {@code sets}.
     *
     * @throws org.milab.api.ConfigurationException when the file or an override is invalid
     */
    public static RunRequest of(Path fileOrRunFolder, List<String> sets, Path runsDir, List<String> argv) {
        Optional<RecordedRun> recorded = RecordedRun.isRunFolder(fileOrRunFolder)
                ? Optional.of(RecordedRun.read(fileOrRunFolder)) : Optional.empty();
        Path source = recorded.map(RecordedRun::graph).orElse(fileOrRunFolder);
        ExperimentGraph graph = Overrides.apply(new GraphParser().parse(source), sets);
        return new RunRequest(graph, source, recorded, runsDir, argv);
    }
}
