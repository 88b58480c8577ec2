package org.milab.plugins.classic.kde;

/**
 * The kernel bandwidth h in units of each column's standard deviation (data are standardised first), for a
 * density of dimension d from n samples.
 */
public enum BandwidthRule {
    /** Scott: h = n^(−1/(d+4)). */
    SCOTT,
    /** Silverman: h = (4 / ((d + 2) n))^(1/(d+4)). */
    SILVERMAN,
    /** The value of the {@code bandwidth} parameter. */
    FIXED;

    /** The bandwidth for dimension {@code d} and {@code n} samples; {@code fixed} for {@link #FIXED}. */
    double bandwidth(int d, int n, double fixed) {
        return switch (this) {
            case SCOTT -> Math.pow(n, -1.0 / (d + 4));
            case SILVERMAN -> Math.pow(4.0 / ((d + 2.0) * n), 1.0 / (d + 4));
            case FIXED -> fixed;
        };
    }
}
