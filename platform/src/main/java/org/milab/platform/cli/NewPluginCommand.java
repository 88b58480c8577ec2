package org.milab.platform.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.milab.platform.share.PluginKind;
import org.milab.platform.share.Scaffold;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code milab new-plugin NAME --kind KIND [--dir D]}. */
@Command(name = "new-plugin", description = "Create a ready Maven project for a plugin with one extension: pom with "
        + "the PF4J manifest, the extension class, and its contract test.")
final class NewPluginCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "plugin id and extension name, e.g. pearson-gaussian")
    String name;

    @Option(names = "--kind", required = true, paramLabel = "KIND",
            description = "estimator, bound, dataset, model, strategy, loss or analysis")
    PluginKind kind;

    @Option(names = "--dir", paramLabel = "DIR", description = "the project folder to create (default: ./NAME)")
    Path dir;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path target = dir != null ? dir : Path.of(name);
        List<Path> files = Scaffold.create(name, kind, target);
        out.println("created " + kind.label() + " plugin '" + name + "' in " + target + ":");
        files.forEach(f -> out.println("  " + f));
        out.println("next: cd " + target + " && mvn package    (needs org.milab:plugin-api in your Maven repository:"
                + " see README, 'Write your first plugin')");
        return ExitCodes.OK;
    }
}
