package org.milab.plugins.classic.knn;

import org.milab.api.InvalidDataException;
import org.milab.api.RunContext;
import org.milab.api.data.Samples;
import org.milab.plugins.classic.common.DataChecks;
import org.milab.plugins.classic.common.Preprocessing;

/**
 * The checked and prepared inputs of one call of a neighbour estimator, the opening every one of them shares: the
 * variables paired (same rows), k read, and each variable's values copied row-major, checked (at least k + 1 rows,
 * finite, no constant column), divided by each column's standard deviation when asked and jittered as asked (with
 * the context's seeded generator).
 */
final class NeighbourInputs {

    private static final String[] PORTS = {"x", "y", "z"};

    private final int k;
    private final int n;
    private final double[][] values;
    private final int[] dims;

    private NeighbourInputs(int k, int n, double[][] values, int[] dims) {
        this.k = k;
        this.n = n;
        this.values = values;
        this.dims = dims;
    }

    /**
     * The variables (ports x, y, z in that order) prepared with the estimator's {@code standardise} and
     * {@code jitter} parameters.
     */
    static NeighbourInputs of(RunContext ctx, Samples... vars) {
        return of(ctx, ctx.param(KnnParameters.STANDARDISE), ctx.param(KnnParameters.JITTER), vars);
    }

    /** As {@link #of(RunContext, Samples...)} with explicit options (for estimators that do not declare both). */
    static NeighbourInputs of(RunContext ctx, boolean standardise, double jitter, Samples... vars) {
        for (int v = 1; v < vars.length; v++) {
            DataChecks.requirePaired(vars[0], PORTS[0], vars[v], PORTS[v]);
        }
        int k = ctx.param(KnnParameters.K);
        double[][] values = new double[vars.length][];
        int[] dims = new int[vars.length];
        for (int v = 0; v < vars.length; v++) {
            values[v] = prepare(vars[v], PORTS[v], k, standardise, jitter, ctx);
            dims[v] = vars[v].cols();
        }
        return new NeighbourInputs(k, vars[0].rows(), values, dims);
    }

    /** The number of neighbours, k. */
    int k() {
        return k;
    }

    /** The number of rows. */
    int n() {
        return n;
    }

    /** The prepared values of variable {@code v} (0 = x, 1 = y, 2 = z), row-major. */
    double[] values(int v) {
        return values[v];
    }

    /** The number of columns of variable {@code v}. */
    int dim(int v) {
        return dims[v];
    }

    /** The rows of variables {@code a} and {@code b} side by side. */
    double[] joined(int a, int b) {
        return join(values[a], dims[a], values[b], dims[b]);
    }

    private static double[] prepare(Samples s, String port, int k, boolean standardise, double jitter,
                                    RunContext ctx) {
        DataChecks.requireContinuous(s, port, k + 1, "k + 1 with k = " + k);
        return prepared(s, standardise, jitter, ctx);
    }

    /**
     * The values of checked samples {@code s} copied row-major, divided by each column's standard deviation if
     * {@code standardise} and jittered by {@code jitter} with the context's seeded generator.
     */
    static double[] prepared(Samples s, boolean standardise, double jitter, RunContext ctx) {
        double[] v = Preprocessing.copy(s);
        if (standardise) {
            Preprocessing.scaleToUnitStd(v, s.cols());
        }
        Preprocessing.jitter(v, s.cols(), jitter, ctx.random());
        return v;
    }

    /** Rows of {@code a} ({@code da} columns) followed by rows of {@code b} ({@code db} columns), side by side. */
    static double[] join(double[] a, int da, double[] b, int db) {
        int n = a.length / da;
        int d = da + db;
        double[] out = new double[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a, i * da, out, i * d, da);
            System.arraycopy(b, i * db, out, i * d + da, db);
        }
        return out;
    }

    /** The error for a zero k-th-neighbour distance: at least k + 1 identical points. */
    static InvalidDataException tie(int row, int k, String space) {
        return new InvalidDataException("row " + row + " has " + k + " or more exact duplicates in the " + space
                + " space (its k-th neighbour, k = " + k + ", is at distance 0); this estimator needs continuous "
                + "data: set jitter (e.g. 1e-10) to break ties, or use an estimator for discrete or mixed data");
    }
}
