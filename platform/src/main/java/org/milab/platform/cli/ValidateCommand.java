package org.milab.platform.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.milab.platform.graph.ExperimentGraph;
import org.milab.platform.graph.GraphParser;
import org.milab.platform.graph.GraphValidator;
import org.milab.platform.graph.Overrides;
import org.milab.platform.graph.Plan;
import org.milab.platform.plugins.PluginHost;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code milab validate FILE}: checks an experiment without running it. */
@Command(name = "validate", description = "Check an experiment file (extensions, parameters, wiring, cycles) without running it.")
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    HostOptions host;

    @Parameters(paramLabel = "FILE.yaml", description = "the experiment")
    Path file;

    @Option(names = "--set", paramLabel = "NODE.PARAM=VALUE", description = "override a parameter (repeatable)")
    List<String> sets = new ArrayList<>();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ExperimentGraph graph = Overrides.apply(new GraphParser().parse(file), sets);
        try (PluginHost h = host.startHost()) {
            List<Plan> plans = new GraphValidator(h.registry()).validate(graph);
            spec.commandLine().getOut().printf("%s: valid (%d nodes%s)%n", file, graph.nodes().size(),
                    plans.size() > 1 ? ", " + plans.size() + " sweep points" : "");
        }
        return ExitCodes.OK;
    }
}
