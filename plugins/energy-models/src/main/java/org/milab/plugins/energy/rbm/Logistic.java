package org.milab.plugins.energy.rbm;

/** The logistic function and its integral, computed without overflow. */
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
}
