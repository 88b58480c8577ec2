package org.milab.platform.cli;

import java.io.PrintWriter;
import org.milab.platform.run.ErrorText;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code milab} command line. */
@Command(name = "milab", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Run information-theoretic ML experiments declared as YAML graphs, with plugin extensions.",
        subcommands = {RunCommand.class, ValidateCommand.class, EstimateCommand.class, PluginsCommand.class,
                ReportCommand.class, UiCommand.class, RunsCommand.class, NewPluginCommand.class, KeysCommand.class,
                ScreenCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    /** Prints the milab and plugin API versions. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            var v = org.milab.platform.MilabVersion.current();
            return new String[] {"milab " + v.milab() + " (plugin API " + v.pluginApi() + ")"};
        }
    }

    private Main() {
    }

    /** Runs the CLI and exits with its code. */
    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI, writing to {@code out} and {@code err}; returns the exit code (see {@link ExitCodes}). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "off");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExitCodeExceptionMapper(ExitCodes::of);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("milab: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try 'milab " + (ex.getCommandLine().getCommandName().equals("milab") ? ""
                    : ex.getCommandLine().getCommandName() + " ") + "--help'.");
            return ExitCodes.INVALID_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            err.println(ErrorText.of(ex));
            if (verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.of(ex);
        });
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
