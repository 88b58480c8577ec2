package org.milab.plugins.classic;

import org.milab.api.data.Samples;

/**
 * Deterministic data reproducible bit for bit in any IEEE-754 language, for comparisons with reference
 * implementations: u_i = frac(i a), v_i = frac(i b), w_i = frac(i c) with three irrational constants. The script
 * that produced the recorded reference values (scikit-learn 1.2.1, SciPy cKDTree) builds the same columns with
 * {@code (np.arange(n) * a) % 1.0}.
 */
public final class Reference {

    private static final double A = 0.6180339887498949;
    private static final double B = 0.7548776662466927;
    private static final double C = 0.5698402909980532;

    private Reference() {
    }

    /** Column {@code u}, {@code v} or {@code w} of length n. */
    public static double[] column(int n, char which) {
        double f = which == 'u' ? A : which == 'v' ? B : C;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = ((double) i * f) % 1.0;
        }
        return out;
    }

    /** A one-column sample. */
    public static Samples of(String name, double[] values) {
        return Samples.ofColumns(java.util.List.of(name), values);
    }
}
