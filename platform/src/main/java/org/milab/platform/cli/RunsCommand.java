package org.milab.platform.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.milab.api.ConfigurationException;
import org.milab.platform.run.Json;
import org.milab.platform.store.RunDetails;
import org.milab.platform.store.RunFilter;
import org.milab.platform.store.RunStore;
import org.milab.platform.store.StoredRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code milab runs ...}: the run store (list, show, compare, export, delete, import). */
@Command(name = "runs", description = "List, show, compare, export, delete and import runs in the run store.",
        subcommands = {RunsCommand.List.class, RunsCommand.Show.class, RunsCommand.Compare.class,
                RunsCommand.Export.class, RunsCommand.Delete.class, RunsCommand.Import.class})
final class RunsCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.INVALID_INPUT;
    }

    /** Machine formats of the runs commands. */
    enum Format { TEXT, JSON, CSV }

    /** What every runs subcommand shares: the store and the output stream. */
    abstract static class StoreCommand implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        RunDetails details(RunStore s, String id) {
            return s.get(id).orElseThrow(() -> new ConfigurationException(id, "no such run in the store "
                    + s.name() + "; see 'milab runs list'"));
        }
    }

    @Command(name = "list", description = "List runs, newest first.")
    static final class List extends StoreCommand {
        @Option(names = "--experiment", paramLabel = "NAME", description = "only runs of this experiment")
        String experiment;

        @Option(names = "--where", paramLabel = "PARAM=VALUE",
                description = "only runs where a parameter (node.param, or param on any node) or swept value has "
                        + "this value (repeatable)")
        java.util.List<String> where = new ArrayList<>();

        @Option(names = "--format", paramLabel = "FORMAT", description = "text, json or csv (default: ${DEFAULT-VALUE})")
        Format format = Format.TEXT;

        @Override
        public Integer call() {
            RunFilter filter = experiment == null ? RunFilter.all() : RunFilter.all().experiment(experiment);
            for (String w : where) {
                int eq = w.indexOf('=');
                if (eq <= 0) {
                    throw new ConfigurationException("--where " + w, "expected PARAM=VALUE, e.g. --where data.n=1000");
                }
                filter = filter.where(w.substring(0, eq).trim(), w.substring(eq + 1).trim());
            }
            try (RunStore s = store.open()) {
                RunsOutput.runs(out(), s.list(filter), format);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "Show one run: its points, nodes, parameters and estimates.")
    static final class Show extends StoreCommand {
        @Parameters(paramLabel = "ID", description = "a run id, or a unique prefix of one")
        String id;

        @Override
        public Integer call() {
            try (RunStore s = store.open()) {
                RunsOutput.show(out(), details(s, id));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "compare", description = "Parameters and results of runs side by side.")
    static final class Compare extends StoreCommand {
        @Parameters(paramLabel = "ID", arity = "2..*", description = "two or more run ids (or unique prefixes)")
        java.util.List<String> ids;

        @Override
        public Integer call() {
            try (RunStore s = store.open()) {
                java.util.List<RunDetails> runs = ids.stream().map(i -> details(s, i)).toList();
                out().print(RunsOutput.compare(runs));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "export", description = "Export one run's estimates (csv) or everything the store holds (json).")
    static final class Export extends StoreCommand {
        @Parameters(paramLabel = "ID", description = "a run id, or a unique prefix of one")
        String id;

        @Option(names = "--format", paramLabel = "FORMAT", description = "csv or json (default: ${DEFAULT-VALUE})")
        Format format = Format.CSV;

        @Override
        public Integer call() {
            if (format == Format.TEXT) {
                throw new ConfigurationException("--format text", "export writes csv or json");
            }
            try (RunStore s = store.open()) {
                RunDetails d = details(s, id);
                if (format == Format.JSON) {
                    out().println(Json.pretty(everything(s, d)));
                } else {
                    out().print(RunsOutput.estimatesCsv(d));
                }
            }
            return ExitCodes.OK;
        }

        /** The run as JSON, with its metrics. */
        private static Map<String, Object> everything(RunStore s, RunDetails d) {
            Map<String, Object> m = new LinkedHashMap<>(RunsOutput.json(d));
            m.put("metrics", s.metrics(d.run().id()));
            return m;
        }
    }

    @Command(name = "delete", description = "Forget a run in the store (its run folder is kept).")
    static final class Delete extends StoreCommand {
        @Parameters(paramLabel = "ID", description = "a run id, or a unique prefix of one")
        String id;

        @Override
        public Integer call() {
            try (RunStore s = store.open()) {
                if (!s.delete(id)) {
                    throw new ConfigurationException(id, "no such run in the store " + s.name());
                }
                out().println("deleted " + id + " from " + s.name() + " (the run folder is untouched)");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "import", description = "Index run folders (a run folder, or a folder holding run folders at any "
            + "depth, e.g. runs/) into the store.")
    static final class Import extends StoreCommand {
        @Parameters(paramLabel = "DIR", arity = "1..*", description = "run folders or folders of them")
        java.util.List<Path> dirs;

        @Override
        public Integer call() {
            java.util.List<Path> folders = runFolders();
            try (RunStore s = store.open()) {
                for (Path f : folders) {
                    StoredRun r = s.index(f);
                    out().println("indexed " + r.id() + " (" + r.experiment() + ", " + r.status() + ", " + r.points()
                            + " point" + (r.points() == 1 ? "" : "s") + ")");
                }
                out().println(folders.size() + " run folder(s) indexed in " + s.name());
            }
            return ExitCodes.OK;
        }

        /** The run folders in or below DIR..., every DIR checked to be a folder first. */
        private java.util.List<Path> runFolders() {
            java.util.List<Path> folders = new ArrayList<>();
            for (Path d : dirs) {
                if (!Files.isDirectory(d)) {
                    throw new ConfigurationException(d.toString(), "no such folder");
                }
                folders.addAll(runFolders(d));
            }
            return folders;
        }

        private static java.util.List<Path> runFolders(Path root) {
            try (Stream<Path> s = Files.walk(root, 6)) {
                return s.filter(d -> Files.isRegularFile(d.resolve("graph.yaml"))
                        && Files.isRegularFile(d.resolve("experiment.yaml"))).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root, e);
            }
        }
    }
}
