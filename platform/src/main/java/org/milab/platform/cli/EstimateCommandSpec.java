package org.milab.platform.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The picocli model of {@link EstimateCommand}, built with picocli's programmatic API for the path of
 * {@code milab estimate ...} itself: the same options, parameters, labels and descriptions as the command's
 * annotations (a test compares the two models' usage text and options), without reading those annotations by
 * reflection, which generated a proxy class per annotation type and walked three classes' fields on every cold start
 * (issue 16). {@code milab help estimate} still uses the annotated model.
 */
final class EstimateCommandSpec {

    private EstimateCommandSpec() {
    }

    /** The model of {@code command}, whose fields it binds (its {@code host} and {@code output} included). */
    static CommandSpec of(EstimateCommand command) {
        command.host = new HostOptions();
        command.output = new OutputFormat();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name("estimate");
        spec.usageMessage().description(
                "Estimate I(X;Y) (or I(X;Y|Z) with --z) from columns of a CSV file.");
        positionals(spec, command);
        estimateOptions(spec, command);
        hostOptions(spec, command.host);
        spec.addOption(format(command.output));
        command.spec = spec;
        return spec;
    }

    private static void positionals(CommandSpec spec, EstimateCommand c) {
        Binding<String> estimator = new Binding<>(() -> c.estimator, v -> c.estimator = v);
        spec.addPositional(PositionalParamSpec.builder().index("0").paramLabel("ESTIMATOR").type(String.class)
                .description("estimator (or MI bound) name").setter(estimator).getter(estimator).build());
        Binding<Path> data = new Binding<>(() -> c.data, v -> c.data = v);
        spec.addPositional(PositionalParamSpec.builder().index("1").paramLabel("DATA.csv").type(Path.class)
                .description("CSV file with a header row (.csv or .csv.gz)").setter(data).getter(data).build());
    }

    private static void estimateOptions(CommandSpec spec, EstimateCommand c) {
        spec.addOption(columns("--x", "comma-separated columns of X", true, () -> c.x, v -> c.x = v));
        spec.addOption(columns("--y", "comma-separated columns of Y", true, () -> c.y, v -> c.y = v));
        spec.addOption(columns("--z", "columns of Z, for I(X;Y|Z)", false, () -> c.z, v -> c.z = v));
        spec.addOption(list("--set", "KEY=VALUE", "estimator parameter (repeatable), e.g. k=5", String.class,
                () -> c.sets, v -> c.sets = v).build());
        Binding<Boolean> quiet = new Binding<>(() -> c.quiet, v -> c.quiet = v);
        spec.addOption(OptionSpec.builder("--quiet").paramLabel("<quiet>").type(boolean.class).initialValue(false)
                .description("no progress on standard error").setter(quiet).getter(quiet).build());
        Binding<Long> seed = new Binding<>(() -> c.seed, v -> c.seed = v);
        spec.addOption(OptionSpec.builder("--seed").paramLabel("<seed>").type(long.class).initialValue(0L)
                .description("seed (default: ${DEFAULT-VALUE})").setter(seed).getter(seed).build());
    }

    private static void hostOptions(CommandSpec spec, HostOptions h) {
        spec.addOption(list("--plugins-dir", "DIR", "extra folder of plugin jars or zips (repeatable)", Path.class,
                () -> h.pluginDirs, v -> h.pluginDirs = v).build());
        Binding<Boolean> verbose = new Binding<>(() -> h.verbose, v -> h.verbose = v);
        spec.addOption(OptionSpec.builder("--verbose").paramLabel("<verbose>").type(boolean.class).initialValue(false)
                .description("log plugin loading and show stack traces").setter(verbose).getter(verbose).build());
    }

    private static OptionSpec format(OutputFormat o) {
        Binding<OutputFormat.Format> format = new Binding<>(() -> o.format, v -> o.format = v);
        return OptionSpec.builder("--format").paramLabel("FORMAT").type(OutputFormat.Format.class)
                .description("text or json (default: ${DEFAULT-VALUE})").initialValue(OutputFormat.Format.TEXT)
                .setter(format).getter(format).build();
    }

    private static OptionSpec columns(String name, String description, boolean required,
                                      Supplier<List<String>> get, Consumer<List<String>> set) {
        return list(name, "COLS", description, String.class, get, set).required(required).splitRegex(",").build();
    }

    private static <E> OptionSpec.Builder list(String name, String label, String description, Class<E> element,
                                               Supplier<List<E>> get, Consumer<List<E>> set) {
        Binding<List<E>> binding = new Binding<>(get, set);
        return OptionSpec.builder(name).paramLabel(label).type(List.class).auxiliaryTypes(element)
                .description(description).initialValue(get.get()).setter(binding).getter(binding);
    }

    /** A picocli getter and setter over one field, as a pair of lambdas. */
    private static final class Binding<V> implements IGetter, ISetter {
        private final Supplier<V> get;
        private final Consumer<V> set;

        Binding(Supplier<V> get, Consumer<V> set) {
            this.get = get;
            this.set = set;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) get.get();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T value) {
            T previous = get();
            set.accept((V) value);
            return previous;
        }
    }
}
