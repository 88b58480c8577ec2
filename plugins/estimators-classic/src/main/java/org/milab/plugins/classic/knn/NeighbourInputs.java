package org.milab.plugins.classic.knn;

import org.milab.api.InvalidDataException;
import org.milab.api.RunContext;
import org.milab.api.data.Samples;
import org.milab.plugins.classic.common.DataChecks;
import org.milab.plugins.classic.common.Preprocessing;

/** Checks and prepares the inputs of a neighbour estimator: primitive row-major copies, scaled and jittered. */
final class NeighbourInputs {

    private NeighbourInputs() {
    }

    /**
     * Checks {@code s} (at least {@code k + 1} rows, finite, no constant column) and returns its values row-major,
     * divided by each column's standard deviation when the {@code standardise} parameter is set and jittered as
     * the {@code jitter} parameter asks (with the context's seeded generator).
     */
    static double[] prepare(Samples s, String port, int k, RunContext ctx) {
        return prepare(s, port, k, ctx.param(KnnParameters.STANDARDISE), ctx.param(KnnParameters.JITTER), ctx);
    }

    /** As {@link #prepare(Samples, String, int, RunContext)} with explicit options. */
    static double[] prepare(Samples s, String port, int k, boolean standardise, double jitter, RunContext ctx) {
        DataChecks.requireContinuous(s, port, k + 1, "k + 1 with k = " + k);
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
