package org.milab.platform.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.milab.platform.run.ErrorText;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code milab} command line. */
@Command(name = "milab", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Run information-theoretic ML experiments declared as YAML graphs, with plugin extensions.")
public final class Main {

    /**
     * The subcommands by name, in the order help lists them. Picocli builds a command's model by reflection over
     * its options and those of its own subcommands; {@link #commandLine} registers only the one the arguments name,
     * which took a third of the CPU of {@code milab --version} when every one was built (issue 16). The estimate
     * command's own model is built without reflection ({@link EstimateCommandSpec}) when it is the one named.
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    /** Arguments that need no subcommand at all. */
    private static final Set<String> ROOT_ONLY = Set.of("--version", "-V");

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
        StartupDefaults.apply();
        CommandLine cli = commandLine(args);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExitCodeExceptionMapper(ExitCodes::of);
        cli.setParameterExceptionHandler((ex, a) -> usageError(ex, err));
        cli.setExecutionExceptionHandler((ex, c, parsed) -> failure(ex, err, verbose));
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** A usage mistake: the message, picocli's suggestions and where to find help; exit code 2. */
    private static int usageError(CommandLine.ParameterException ex, PrintWriter err) {
        err.println("milab: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try 'milab " + (ex.getCommandLine().getCommandName().equals("milab") ? ""
                : ex.getCommandLine().getCommandName() + " ") + "--help'.");
        return ExitCodes.INVALID_INPUT;
    }

    /** A failure while running a command: one readable line (the stack trace with --verbose); its exit code. */
    private static int failure(Exception ex, PrintWriter err, boolean verbose) {
        err.println(ErrorText.of(ex));
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.of(ex);
    }

    /** The root command with the subcommands {@code args} may reach: the one it names, or every one. */
    static CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        String first = args.length > 0 ? args[0] : "";
        if (SUBCOMMANDS.containsKey(first) && !first.equals("help")) {
            cli.addSubcommand(first, first.equals("estimate") ? EstimateCommandSpec.of(new EstimateCommand())
                    : SUBCOMMANDS.get(first));
        } else if (!(args.length == 1 && ROOT_ONLY.contains(first))) {
            SUBCOMMANDS.forEach(cli::addSubcommand);
        }
        return cli;
    }

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("run", RunCommand.class);
        m.put("validate", ValidateCommand.class);
        m.put("estimate", EstimateCommand.class);
        m.put("plugins", PluginsCommand.class);
        m.put("report", ReportCommand.class);
        m.put("ui", UiCommand.class);
        m.put("runs", RunsCommand.class);
        m.put("new-plugin", NewPluginCommand.class);
        m.put("keys", KeysCommand.class);
        m.put("screen", ScreenCommand.class);
        m.put("help", CommandLine.HelpCommand.class);
        return java.util.Collections.unmodifiableMap(m);
    }
}
