package org.milab.plugins.neural;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.milab.api.ConfigurationException;
import org.milab.api.Configured;
import org.milab.api.InvalidDataException;
import org.milab.api.Problem;
import org.milab.api.RunContext;
import org.milab.api.data.Dataset;
import org.milab.api.data.DatasetProvider;
import org.milab.api.data.Samples;
import org.milab.api.param.ComponentSpec;
import org.milab.api.param.Parameter;

/**
 * The training rows of {@code variational}'s generator mode: the {@code fresh-data} generator, resolved with its
 * size parameter {@code n} set to {@code steps x batch-size}, loaded once (seeded by the host from the node's seed)
 * and checked against the x/y inputs, whose rows are then the validation set.
 */
final class FreshData {

    /** The most rows one run may generate (2^22): a few hundred MB for ten columns per view. */
    static final long MAX_ROWS = 4_194_304;

    /** The size parameter every generator used for fresh data must declare. */
    private static final String SIZE = "n";

    private final String where;
    private final ComponentSpec spec;

    /** For the generator {@code spec} named by {@code parameter}. */
    FreshData(Parameter<?> parameter, ComponentSpec spec) {
        this.where = "parameter '" + parameter.name() + "'";
        this.spec = spec;
    }

    /** The generated views x and y. */
    record Rows(Samples x, Samples y) {
    }

    /**
     * Generates the rows for {@code steps} steps of {@code batch} rows, shaped like {@code x} and {@code y}.
     *
     * @throws ConfigurationException naming the parameter: too many rows, a generator without {@code n}, or one
     *                                that cannot be configured
     * @throws InvalidDataException   when the generated data lack views x and y, rows, or match the inputs' columns
     */
    Rows generate(RunContext ctx, int steps, int batch, Samples x, Samples y) {
        long rows = cappedRows(steps, batch);
        Configured<DatasetProvider> generator = resolve(ctx, (int) rows);
        Dataset data = generator.extension().load(generator.context());
        if (!data.viewNames().containsAll(List.of("x", "y"))) {
            throw new InvalidDataException(where + ": dataset '" + data.name() + "' from '" + spec + "' has views "
                    + data.viewNames() + "; fresh data needs views 'x' and 'y'");
        }
        Samples gx = data.view("x");
        Samples gy = data.view("y");
        requireRows(gx, rows);
        requireColumns("x", gx, x);
        requireColumns("y", gy, y);
        return new Rows(gx.requireFinite(where + ", view x"), gy.requireFinite(where + ", view y"));
    }

    /** steps x batch, the rows to generate, when within {@link #MAX_ROWS}. */
    private long cappedRows(int steps, int batch) {
        long rows = (long) steps * batch;
        if (rows > MAX_ROWS) {
            throw new ConfigurationException(where, String.format(Locale.ROOT, "steps x batch-size = %d x %d = %d "
                    + "rows to generate, more than the cap of %d; lower steps or batch-size", steps, batch, rows,
                    MAX_ROWS));
        }
        return rows;
    }

    private void requireRows(Samples generated, long rows) {
        if (generated.rows() < rows) {
            throw new InvalidDataException(where + ": '" + spec + "' generated " + generated.rows() + " rows for n = "
                    + rows + " (steps x batch-size); a generator for fresh data must honour n");
        }
    }

    private void requireColumns(String view, Samples generated, Samples input) {
        if (generated.cols() != input.cols()) {
            throw new InvalidDataException(where + ": '" + spec + "' generates " + view + " with "
                    + generated.cols() + " columns but the " + view + " input (the validation rows) has "
                    + input.cols() + "; configure the generator to match the inputs, or pass inputs shaped like it");
        }
    }

    /** The generator bound to the spec's parameters with {@code n} set (overridden) to {@code rows}. */
    private Configured<DatasetProvider> resolve(RunContext ctx, int rows) {
        Map<String, Object> parameters = new LinkedHashMap<>(spec.parameters());
        parameters.put(SIZE, rows);
        try {
            return ctx.component(DatasetProvider.class, spec.name(), parameters);
        } catch (ConfigurationException e) {
            throw new ConfigurationException(sizeless(ctx).map(List::of).orElseGet(() -> located(e)));
        }
    }

    /**
     * The problem when the generator binds without {@code n} and declares no such parameter; empty when it declares
     * one or cannot be configured at all (the first error then says why).
     */
    private Optional<Problem> sizeless(RunContext ctx) {
        DatasetProvider provider;
        try {
            provider = ctx.component(DatasetProvider.class, spec).extension();
        } catch (ConfigurationException e) {
            return Optional.empty();
        }
        List<String> declared = provider.info().parameters().stream().map(Parameter::name).toList();
        if (declared.contains(SIZE)) {
            return Optional.empty();
        }
        return Optional.of(new Problem(where, "dataset '" + spec.name() + "' declares no parameter '" + SIZE
                + "' (it declares " + (declared.isEmpty() ? "none" : String.join(", ", declared)) + "), so it "
                + "cannot generate steps x batch-size rows; name a generator with a size parameter n, or set "
                + "fresh-data=none to train on the rows of x and y"));
    }

    private List<Problem> located(ConfigurationException e) {
        List<Problem> problems = new ArrayList<>();
        for (Problem p : e.problems()) {
            problems.add(new Problem(p.where().isEmpty() ? where : where + ", " + p.where(), p.message()));
        }
        return problems;
    }
}
