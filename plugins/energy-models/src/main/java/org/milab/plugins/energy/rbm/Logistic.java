package org.milab.plugins.energy.rbm;

/** The logistic function, its integral and log-sum-exp, computed without overflow. */
public final class Logistic {

    private Logistic() {
    }

    /** σ(u) = 1 / (1 + e^−u). */
    public static double sigmoid(double u) {
        return u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u));
    }

    /** softplus(u) = ln(1 + e^u). */
    public static double softplus(double u) {
        return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
    }

    /** ln Σ_i exp(v_i), stabilised by the largest v_i; -inf for none. */
    public static double logSumExp(double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            max = Math.max(max, x);
        }
        double s = 0;
        for (double x : v) {
            s += Math.exp(x - max);
        }
        return max + Math.log(s);
    }
}
