package org.milab.platform.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.milab.api.Citation;
import org.milab.api.param.Parameter;
import org.milab.platform.graph.NodeKinds;
import org.milab.platform.plugins.ExtensionHandle;
import org.milab.platform.plugins.PluginHost;
import org.milab.platform.plugins.PluginStatus;
import org.milab.platform.plugins.Role;
import org.milab.platform.run.Json;
import org.milab.platform.run.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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
                var origins = new org.milab.platform.share.PluginOrigins(SharePluginCommands.home(),
                        HostOptions.builtinPlugins());
                if (output.json()) {
                    List<Object> list = new ArrayList<>();
                    for (PluginStatus p : h.plugins()) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("id", p.id());
                        m.put("version", p.version());
                        m.put("state", p.state().toString().toLowerCase(java.util.Locale.ROOT));
                        p.problemText().ifPresent(t -> m.put("problem", t));
                        m.put("path", p.path().toString());
                        var origin = origins.of(p.path());
                        m.put("origin", origin.source());
                        m.put("signer", origin.signer());
                        m.put("verification", origin.verification());
                        m.put("extensions", p.extensions().stream().map(ExtensionHandle::name).toList());
                        list.add(m);
                    }
                    out.println(Json.pretty(list));
                    return ExitCodes.OK;
                }
                for (PluginStatus p : h.plugins()) {
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
                if (h.plugins().isEmpty()) {
                    out.println("no plugins found in " + host.pluginFolders());
                }
            }
            return ExitCodes.OK;
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
            List<Parameter<?>> params = new ArrayList<>(e.info().parameters());
            e.roles().stream().map(NodeKinds::forRole).flatMap(java.util.Optional::stream).findFirst()
                    .ifPresent(k -> params.addAll(k.hostParameters()));
            out.println();
            if (params.isEmpty()) {
                out.println("parameters: none");
            } else {
                TextTable t = new TextTable(List.of("parameter", "type", "default", "range", "unit", "description"));
                for (Parameter<?> p : params) {
                    t.add(List.of(p.name(), p.typeDescription(), p.defaultValue().map(p::format).orElse("(required)"),
                            p.rangeDescription(), p.unit(), p.description()));
                }
                out.print(t);
            }
            e.roles().stream().map(NodeKinds::forRole).flatMap(java.util.Optional::stream).findFirst().ifPresent(k -> {
                out.println();
                out.println("inputs: " + (k.inputs(e).isEmpty() ? "none" : k.inputs(e).stream()
                        .map(p -> p.name() + " (" + p.type().getSimpleName() + (p.optional() ? ", optional" : "") + ")")
                        .collect(Collectors.joining(", "))));
            });
            if (!e.citations().isEmpty()) {
                out.println();
                out.println("cite:");
                for (Citation c : e.citations()) {
                    out.println("  " + Provenance.format(c));
                }
            }
            out.println();
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
