package org.milab.platform.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.milab.api.Citation;
import org.milab.api.param.Parameter;
import org.milab.platform.graph.NodeKind;
import org.milab.platform.graph.NodeKinds;
import org.milab.platform.plugins.ExtensionHandle;
import org.milab.platform.plugins.PluginHost;
import org.milab.platform.plugins.PluginStatus;
import org.milab.platform.plugins.Role;
import org.milab.platform.run.Json;
import org.milab.platform.run.Provenance;
import org.milab.platform.share.PluginOrigins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code milab plugins list|describe}. */
@Command(name = "plugins", description = "List and describe plugins; pack, publish, search, install, update, remove and "
        + "verify shared ones.",
        subcommands = {PluginsCommand.ListPlugins.class, PluginsCommand.Describe.class, PluginsCommand.Schema.class,
                SharePluginCommands.Pack.class, SharePluginCommands.Publish.class, SharePluginCommands.Search.class,
                SharePluginCommands.Install.class, SharePluginCommands.Update.class, SharePluginCommands.Remove.class,
                SharePluginCommands.Verify.class})
final class PluginsCommand {

    /** {@code milab plugins list}. */
    @Command(name = "list", description = "List plugins (loaded or not, with the reason) and their extensions.")
    static final class ListPlugins implements Callable<Integer> {
        @Mixin
        HostOptions host;

        @Mixin
        OutputFormat output;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (PluginHost h = host.startHost()) {
                var origins = new PluginOrigins(SharePluginCommands.home(), HostOptions.builtinPlugins());
                if (output.json()) {
                    out.println(Json.pretty(json(h.plugins(), origins)));
                    return ExitCodes.OK;
                }
                print(out, h.plugins(), origins);
            }
            return ExitCodes.OK;
        }

        private void print(PrintWriter out, List<PluginStatus> plugins, PluginOrigins origins) {
            for (PluginStatus p : plugins) {
                print(out, p, origins);
            }
            if (plugins.isEmpty()) {
                out.println("no plugins found in " + host.pluginFolders());
            }
        }

        private static List<Object> json(List<PluginStatus> plugins, PluginOrigins origins) {
            List<Object> list = new ArrayList<>();
            for (PluginStatus p : plugins) {
                list.add(json(p, origins.of(p.path())));
            }
            return list;
        }

        private static Map<String, Object> json(PluginStatus p, PluginOrigins.Origin origin) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("version", p.version());
            m.put("state", p.state().toString().toLowerCase(java.util.Locale.ROOT));
            p.problemText().ifPresent(t -> m.put("problem", t));
            m.put("path", p.path().toString());
            m.put("origin", origin.source());
            m.put("signer", origin.signer());
            m.put("verification", origin.verification());
            m.put("extensions", p.extensions().stream().map(ExtensionHandle::name).toList());
            return m;
        }

        /** The plugin's id, version, state and path, why it did not load, its origin and its extensions. */
        private static void print(PrintWriter out, PluginStatus p, PluginOrigins origins) {
            out.printf("%s%s  [%s]  %s%n", p.id(), p.version().isEmpty() ? "" : " " + p.version(),
                    p.state().toString().toLowerCase(java.util.Locale.ROOT), p.path());
            p.problemText().ifPresent(t -> out.println("    not loaded: " + t));
            out.println("    " + origins.of(p.path()).text());
            TextTable t = new TextTable(List.of("extension", "role", "summary"));
            p.extensions().forEach(e -> t.add(List.of(e.name(), roles(e), e.info().summary())));
            if (!t.isEmpty()) {
                out.print(t.toString().lines().map(l -> "    " + l).collect(Collectors.joining("\n", "", "\n")));
            }
        }
    }

    /** {@code milab plugins describe NAME}. */
    @Command(name = "describe", description = "Show an extension's parameters (types, defaults, ranges), ports and citations.")
    static final class Describe implements Callable<Integer> {
        @Mixin
        HostOptions host;

        @Parameters(paramLabel = "NAME", description = "extension name, or plugin-id/name")
        String name;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (PluginHost h = host.startHost()) {
                List<ExtensionHandle> matches = h.registry().all().stream()
                        .filter(e -> e.name().equals(name) || e.qualifiedName().equals(name)).toList();
                if (matches.isEmpty()) {
                    h.registry().resolve(name, List.of(), "milab plugins describe");
                }
                for (ExtensionHandle e : matches) {
                    describe(out, e);
                }
            }
            return ExitCodes.OK;
        }

        private static void describe(PrintWriter out, ExtensionHandle e) {
            out.println(e.qualifiedName() + "  (" + roles(e) + ", plugin " + e.pluginId() + " " + e.pluginVersion() + ")");
            out.println("  " + e.info().summary());
            out.println();
            printParameters(out, e);
            nodeKind(e).ifPresent(k -> printInputs(out, e, k));
            printCitations(out, e);
            out.println();
        }

        private static Optional<NodeKind> nodeKind(ExtensionHandle e) {
            return e.roles().stream().map(NodeKinds::forRole).flatMap(Optional::stream).findFirst();
        }

        /** The extension's parameters and those the host adds to nodes of its kind. */
        private static void printParameters(PrintWriter out, ExtensionHandle e) {
            List<Parameter<?>> params = SchemaWriter.allParameters(e);
            if (params.isEmpty()) {
                out.println("parameters: none");
                return;
            }
            TextTable t = new TextTable(List.of("parameter", "type", "default", "range", "unit", "description"));
            for (Parameter<?> p : params) {
                t.add(List.of(p.name(), p.typeDescription(), p.defaultValue().map(p::format).orElse("(required)"),
                        p.rangeDescription(), p.unit(), p.description()));
            }
            out.print(t);
        }

        private static void printInputs(PrintWriter out, ExtensionHandle e, NodeKind k) {
            out.println();
            out.println("inputs: " + (k.inputs(e).isEmpty() ? "none" : k.inputs(e).stream()
                    .map(p -> p.name() + " (" + p.type().getSimpleName() + (p.optional() ? ", optional" : "") + ")")
                    .collect(Collectors.joining(", "))));
        }

        private static void printCitations(PrintWriter out, ExtensionHandle e) {
            if (!e.citations().isEmpty()) {
                out.println();
                out.println("cite:");
                for (Citation c : e.citations()) {
                    out.println("  " + Provenance.format(c));
                }
            }
        }
    }

    /** {@code milab plugins schema}. */
    @Command(name = "schema", description = "Print a JSON Schema for experiment files, from the installed extensions.")
    static final class Schema implements Callable<Integer> {
        @Mixin
        HostOptions host;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (PluginHost h = host.startHost()) {
                spec.commandLine().getOut().println(Json.pretty(SchemaWriter.experimentSchema(h.registry())));
            }
            return ExitCodes.OK;
        }
    }

    static String roles(ExtensionHandle e) {
        return e.roles().stream().map(Role::label).collect(Collectors.joining(", "));
    }
}
