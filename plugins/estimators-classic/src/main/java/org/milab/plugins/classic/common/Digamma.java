package org.milab.plugins.classic.common;

/**
 * The digamma function ψ(x) = d/dx log Γ(x), accurate to 3e-14 · max(1, |ψ(x)|) for x &gt; 0, with a table for
 * the small integers the neighbour estimators ask for most.
 */
public final class Digamma {

    private static final double EULER_GAMMA = 0.5772156649015329;
    private static final int TABLE = 1024;
    private static final double[] INTEGER_VALUES = new double[TABLE];

    static {
        INTEGER_VALUES[0] = Double.NEGATIVE_INFINITY;
        for (int m = 1; m < TABLE; m++) {
            INTEGER_VALUES[m] = m < 16 ? series(m) : asymptotic(m);
        }
    }

    private Digamma() {
    }

    /** ψ(m) for a whole number m ≥ 1; ψ(1) = -γ. */
    public static double of(int m) {
        if (m < 1) {
            throw new IllegalArgumentException("digamma of a whole number needs m >= 1, got " + m);
        }
        return m < TABLE ? INTEGER_VALUES[m] : asymptotic(m);
    }

    /** ψ(x) for real x &gt; 0. */
    public static double of(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("digamma needs x > 0, got " + x);
        }
        double shift = 0;
        while (x < 10) {
            shift -= 1.0 / x;
            x += 1;
        }
        return shift + asymptotic(x);
    }

    private static double series(int m) {
        double h = -EULER_GAMMA;
        for (int j = 1; j < m; j++) {
            h += 1.0 / j;
        }
        return h;
    }

    /** Asymptotic expansion, error below 1e-15 for x ≥ 10. */
    private static double asymptotic(double x) {
        double inv = 1.0 / x;
        double inv2 = inv * inv;
        double tail = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240
                - inv2 * (1.0 / 132)))));
        return Math.log(x) - 0.5 * inv - tail;
    }
}
