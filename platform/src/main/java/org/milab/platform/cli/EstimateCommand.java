package org.milab.platform.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.milab.api.Inputs;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimate;
import org.milab.api.param.ComponentSpec;
import org.milab.platform.graph.GraphValidator;
import org.milab.platform.graph.Located;
import org.milab.platform.graph.NodeKind;
import org.milab.platform.graph.NodeKinds;
import org.milab.platform.graph.NodeSpec;
import org.milab.platform.graph.ParameterSets;
import org.milab.platform.graph.PlannedNode;
import org.milab.platform.graph.SourcePosition;
import org.milab.platform.plugins.ExtensionHandle;
import org.milab.platform.plugins.ExtensionRegistry;
import org.milab.platform.plugins.PluginHost;
import org.milab.platform.plugins.Role;
import org.milab.platform.run.HostRunContext;
import org.milab.platform.run.Json;
import org.milab.platform.run.RunScope;
import org.milab.platform.run.Seeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code milab estimate ESTIMATOR DATA.csv --x COLS --y COLS [--z COLS] [--set key=value]... [--format json]}: one
 * estimate from a CSV file. With {@code --format json} it prints one JSON object whose field {@code mi} is the
 * estimate in nats. An MI bound's name (e.g. {@code infonce}) runs the {@code variational} estimator with that bound.
 */
@Command(name = "estimate", description = "Estimate I(X;Y) (or I(X;Y|Z) with --z) from columns of a CSV file.")
final class EstimateCommand implements Callable<Integer> {

    /** The estimator that trains a critic for a bound, used when ESTIMATOR names an MI bound. */
    static final String VARIATIONAL = "variational";

    @Mixin
    HostOptions host;

    @Parameters(index = "0", paramLabel = "ESTIMATOR", description = "estimator (or MI bound) name")
    String estimator;

    @Parameters(index = "1", paramLabel = "DATA.csv", description = "CSV file with a header row (.csv or .csv.gz)")
    Path data;

    @Option(names = "--x", required = true, split = ",", paramLabel = "COLS", description = "comma-separated columns of X")
    List<String> x;

    @Option(names = "--y", required = true, split = ",", paramLabel = "COLS", description = "comma-separated columns of Y")
    List<String> y;

    @Option(names = "--z", split = ",", paramLabel = "COLS", description = "columns of Z, for I(X;Y|Z)")
    List<String> z = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "estimator parameter (repeatable), e.g. k=5")
    List<String> sets = new ArrayList<>();

    @Option(names = "--quiet", description = "no progress on standard error")
    boolean quiet;

    @Option(names = "--seed", description = "seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Mixin
    OutputFormat output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        NodeKind kind = z.isEmpty() ? NodeKinds.ESTIMATORS : NodeKinds.CONDITIONAL_ESTIMATORS;
        Map<String, Located<Object>> params = parameters();
        StartupTiming timing = StartupTiming.start();
        try (PluginHost h = startHost(kind.role())) {
            timing.mark();
            ExtensionHandle e = resolve(h.registry(), kind.role(), params);
            PlannedNode node = GraphValidator.bindAndCheck(new NodeSpec("estimate",
                    new Located<>(e.qualifiedName(), SourcePosition.of("ESTIMATOR")), params, Map.of(),
                    SourcePosition.of("milab estimate")), e, kind, h.registry());
            List<List<String>> groups = columnGroups();
            requireDisjoint(groups);
            timing.mark();
            List<Samples> samples = CsvSamples.read(data, groups);
            Map<String, Object> wired = wire(samples);
            Path scratch = scratch();
            timing.mark();
            estimateAndPrint(new Bound(h, e, kind, node), wired, scratch, samples.get(0).rows());
            timing.mark();
            timing.print(spec.commandLine().getErr(), h.plugins().size());
        }
        return ExitCodes.OK;
    }

    /** The estimator resolved and bound to its parameters, in the host that loaded it. */
    private record Bound(PluginHost host, ExtensionHandle extension, NodeKind kind, PlannedNode node) {
    }

    /** Runs the bound estimator on the wired samples with progress on stderr, deletes its scratch folder, prints. */
    private void estimateAndPrint(Bound b, Map<String, Object> wired, Path scratch, int rows) {
        long t0 = System.nanoTime();
        Estimate est;
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr(),
                ConsoleProgress.Mode.detect(quiet), System::nanoTime);
        progress.started(b.extension().name(), 0, 1);
        try (RunScope scope = new RunScope();
             HostRunContext ctx = new HostRunContext("estimate", Seeds.derive(seed, "estimate"),
                     b.node().parameters(), scratch, b.host().registry(), new AtomicBoolean(), progress, scope)) {
            est = (Estimate) b.kind().run(b.extension(), Inputs.of(wired), b.node().hostParameters(), ctx)
                    .get(NodeKinds.ESTIMATE);
        } finally {
            delete(scratch);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        progress.finished(b.extension().name(), seconds);
        print(b.extension(), b.node(), est, rows, seconds);
    }

    /** The column lists of --x, --y and, when given, --z. */
    private List<List<String>> columnGroups() {
        List<List<String>> groups = new ArrayList<>(List.of(x, y));
        if (!z.isEmpty()) {
            groups.add(z);
        }
        return groups;
    }

    /** The estimator's inputs: x, y and, when given, z. */
    private Map<String, Object> wire(List<Samples> samples) {
        Map<String, Object> wired = new LinkedHashMap<>();
        wired.put("x", samples.get(0));
        wired.put("y", samples.get(1));
        if (!z.isEmpty()) {
            wired.put("z", samples.get(2));
        }
        return wired;
    }

    /** A column in two of --x, --y, --z (or twice in one) is a usage error: I(X;X) is not what anyone means. */
    private static void requireDisjoint(List<List<String>> groups) {
        String[] options = {"--x", "--y", "--z"};
        Map<String, String> owner = new LinkedHashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (String c : groups.get(g)) {
                String before = owner.putIfAbsent(c, options[g]);
                if (before != null) {
                    throw new org.milab.api.ConfigurationException(options[g] + " " + String.join(",", groups.get(g)),
                            "column '" + c + "' is already in " + before + "; the groups of columns must not overlap "
                            + "(the MI of a column with itself is its entropy, infinite for continuous data)");
                }
            }
        }
    }

    /**
     * The host with only the plugins that hold ESTIMATOR when that settles it (a cold start loads one plugin, not
     * all); every plugin otherwise, e.g. for an MI bound's name, an ambiguous or an unknown one (whose error then
     * suggests names from every plugin).
     */
    private PluginHost startHost(Role role) {
        PluginHost h = host.startHostFor(estimator);
        if (h.registry().find(estimator, List.of(role)).isPresent()) {
            return h;
        }
        h.close();
        return host.startHost();
    }

    private Map<String, Located<Object>> parameters() {
        return ParameterSets.parse(sets);
    }

    /** The estimator, or the variational estimator with {@code bound=NAME} when NAME is an MI bound. */
    private ExtensionHandle resolve(ExtensionRegistry registry, Role role, Map<String, Located<Object>> params) {
        Optional<ExtensionHandle> direct = registry.find(estimator, List.of(role));
        if (direct.isPresent()) {
            return direct.get();
        }
        Optional<ExtensionHandle> bound = registry.find(estimator, List.of(Role.MI_BOUND));
        Optional<ExtensionHandle> variational = registry.find(VARIATIONAL, List.of(role));
        if (bound.isPresent() && variational.isPresent() && !params.containsKey("bound")) {
            // --set keys the bound declares (e.g. tau for smile) go to the bound; the rest to the estimator
            Map<String, Object> own = new LinkedHashMap<>();
            bound.get().info().parameters().forEach(p -> {
                Located<Object> v = params.remove(p.name());
                if (v != null) {
                    own.put(p.name(), v.value());
                }
            });
            params.put("bound", new Located<>(new ComponentSpec(bound.get().qualifiedName(), own),
                    SourcePosition.of("ESTIMATOR")));
            return variational.get();
        }
        return registry.resolve(estimator, List.of(role), "ESTIMATOR");
    }

    private void print(ExtensionHandle e, PlannedNode node, Estimate est, int n, double seconds) {
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("estimator", e.qualifiedName());
            m.putAll(Json.estimate(est));
            m.put("seconds", seconds);
            m.put("x", x);
            m.put("y", y);
            if (!z.isEmpty()) {
                m.put("z", z);
            }
            Map<String, String> p = new LinkedHashMap<>(node.parameters().asText());
            p.putAll(node.hostParameters().asText());
            m.put("parameters", p);
            m.put("seed", seed);
            out.println(Json.compact(m));
            return;
        }
        out.printf(Locale.ROOT, "%s: I(%s;%s%s) = %.6f nats%s  (n=%d, %.3f s)%n", e.name(), String.join(",", x),
                String.join(",", y), z.isEmpty() ? "" : "|" + String.join(",", z), est.nats(),
                est.standardError().isPresent() ? String.format(Locale.ROOT, " ± %.6f", est.standardError().getAsDouble())
                        : "", n, seconds);
        PrintWriter err = spec.commandLine().getErr();
        est.quantity().ifPresent(q -> err.println("milab: note: " + e.name() + " estimates " + q
                + ", not Shannon MI"));
        est.notes().forEach(m -> err.println("milab: note: " + e.name() + ": " + m));
        est.warnings().forEach(w -> err.println("milab: WARNING: " + e.name() + ": " + w));
    }

    private static Path scratch() {
        try {
            return Files.createTempDirectory("milab-estimate");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // scratch space; nothing to report
        }
    }
}
