package org.milab.plugins.energy.hfm;

/**
 * The Hierarchical Feature Model of Xie and Marsili (2022) over n binary features s = (s_1..s_n), ordered from the
 * most to the least detailed:
 * <pre>
 *   p(s) = e^(−g m_s) / Z(g),   m_s = max{k : s_k = 1} (0 for s = 0),
 *   Z(g) = 1 + Σ_{k=1..n} 2^(k−1) e^(−g k)
 * </pre>
 * since exactly 2^(k−1) states have m_s = k (s_k = 1, any s_1..s_{k−1}, s_{k+1..n} = 0). A feature can only be
 * "on" at the cost of the level it opens; all states of one level are equiprobable. Exactly solvable:
 * resolution H[S] = g E[m] + ln Z and relevance H[K] = −Σ_k p_k ln p_k with p_k = W_k e^(−g k) / Z, W_k the number
 * of states of level k (nats). At g = ln 2 the levels k ≥ 1 are equiprobable and the number of states grows as
 * e^(E) with the energy E = g m, the Zipf point the paper identifies as optimal. States are ints, bit k−1 = s_k.
 *
 * @param features n, at most 30
 * @param g        the cost of one level, > 0 ... any real in principle; the fit keeps it finite
 */
public record HfmPrior(int features, double g) {

    /** Checks the size. */
    public HfmPrior {
        if (features < 1 || features > 30) {
            throw new IllegalArgumentException("the HFM is enumerated exactly: 1 to 30 features, got " + features);
        }
    }

    /** m_s: the index (1-based) of the highest active feature, 0 for the empty state. */
    public static int level(int state) {
        return 32 - Integer.numberOfLeadingZeros(state);
    }

    /** ln W_k: the log-number of states at level k. */
    public static double logDegeneracy(int k) {
        return k == 0 ? 0 : (k - 1) * Math.log(2);
    }

    /** ln Z(g), summed over levels with the log-sum-exp guard. */
    public double logPartition() {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k <= features; k++) {
            max = Math.max(max, logDegeneracy(k) - g * k);
        }
        double s = 0;
        for (int k = 0; k <= features; k++) {
            s += Math.exp(logDegeneracy(k) - g * k - max);
        }
        return max + Math.log(s);
    }

    /** ln p(s). */
    public double logProbability(int state) {
        return -g * level(state) - logPartition();
    }

    /** p_k for k = 0..n: the probability of each level. */
    public double[] levelProbabilities() {
        double lz = logPartition();
        double[] p = new double[features + 1];
        for (int k = 0; k <= features; k++) {
            p[k] = Math.exp(logDegeneracy(k) - g * k - lz);
        }
        return p;
    }

    /** E[m_s]. */
    public double meanLevel() {
        double[] p = levelProbabilities();
        double m = 0;
        for (int k = 0; k < p.length; k++) {
            m += k * p[k];
        }
        return m;
    }

    /** H[S] = g E[m] + ln Z, nats. */
    public double resolution() {
        return g * meanLevel() + logPartition();
    }

    /** H[K] = −Σ_k p_k ln p_k, nats. */
    public double relevance() {
        double h = 0;
        for (double p : levelProbabilities()) {
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return h;
    }
}
