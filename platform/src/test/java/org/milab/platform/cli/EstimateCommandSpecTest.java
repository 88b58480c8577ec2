package org.milab.platform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The programmatic model of {@code milab estimate} matches the annotated one, option for option. */
class EstimateCommandSpecTest {

    private static final CommandSpec ANNOTATED = new CommandLine(new EstimateCommand()).getCommandSpec();
    private static final CommandSpec BUILT = new CommandLine(EstimateCommandSpec.of(new EstimateCommand()))
            .getCommandSpec();

    private static <T> void same(Function<CommandSpec, T> property) {
        assertEquals(property.apply(ANNOTATED), property.apply(BUILT));
    }

    private static String describe(ArgSpec a) {
        String names = a instanceof OptionSpec o ? String.join("|", o.names()) + (o.required() ? " required" : "")
                : "#" + ((CommandLine.Model.PositionalParamSpec) a).index();
        return names + " " + a.paramLabel() + " " + a.arity() + " " + a.type().getName() + " "
                + List.of(a.auxiliaryTypes()) + " split=" + a.splitRegex() + " initial=" + a.initialValue()
                + " " + List.of(a.description());
    }

    @Test
    void sameOptionsAndParameters() {
        same(s -> s.options().stream().map(EstimateCommandSpecTest::describe).sorted().toList());
        same(s -> s.positionalParameters().stream().map(EstimateCommandSpecTest::describe).toList());
        same(CommandSpec::name);
    }

    @Test
    void sameUsageText() {
        assertEquals(new CommandLine(ANNOTATED).getUsageMessage(CommandLine.Help.Ansi.OFF),
                new CommandLine(BUILT).getUsageMessage(CommandLine.Help.Ansi.OFF));
    }

    @Test
    void parsesIntoTheCommandsFields() {
        EstimateCommand c = new EstimateCommand();
        new CommandLine(EstimateCommandSpec.of(c)).parseArgs("ksg", "d.csv", "--x", "a,b", "--y", "c", "--set", "k=5",
                "--seed", "7", "--quiet", "--format", "JSON", "--plugins-dir", "p", "--verbose");
        assertEquals(List.of("ksg", Path.of("d.csv"), List.of("a", "b"), List.of("c"), List.of(), List.of("k=5"), 7L),
                List.of(c.estimator, c.data, c.x, c.y, c.z, c.sets, c.seed));
        assertEquals(List.of(true, true, Path.of("p")), List.of(c.quiet, c.host.verbose, c.host.pluginDirs.get(0)));
        assertEquals(OutputFormat.Format.JSON, c.output.format);
    }
}
