package org.milab.plugins.energy.rbm;

/**
 * The exact marginal of an RBM's hidden layer by enumeration: for every h ∈ {0,1}^H,
 * <pre>
 *   E(h) = −ln p(h) = −[cᵀh + Σ_i softplus(b_i + (W h)_i)] + ln Z,   ln Z = ln Σ_h exp(cᵀh + Σ_i softplus(...))
 * </pre>
 * visiting the states in Gray-code order so that each step adds or removes one column of W from the visible fields.
 * Cost: O(2^H V) time, O(2^H) memory; H is capped at 24.
 */
public final class RbmMarginal {

    private RbmMarginal() {
    }

    /** E(h) for every hidden state h, indexed by the state's bits (bit a = h_a), nats. */
    public static double[] energies(Rbm rbm) {
        if (rbm.hidden > 24) {
            throw new IllegalArgumentException("enumerating 2^" + rbm.hidden + " hidden states is out of reach; at "
                    + "most 24");
        }
        double[] logp = unnormalisedLogMarginals(rbm);
        double logZ = Logistic.logSumExp(logp);
        for (int i = 0; i < logp.length; i++) {
            logp[i] = logZ - logp[i];
        }
        return logp;
    }

    /** ln p(h) + ln Z for every hidden state, walking the states in Gray-code order. */
    private static double[] unnormalisedLogMarginals(Rbm rbm) {
        int h = rbm.hidden;
        double[] logp = new double[1 << h];
        double[] u = rbm.b.clone();
        int[] bits = new int[h];
        int gray = 0;
        logp[0] = rbm.logMarginal(bits, u);
        for (int t = 1; t < logp.length; t++) {
            int flip = Integer.numberOfTrailingZeros(t);
            gray ^= 1 << flip;
            bits[flip] ^= 1;
            addColumn(rbm, u, flip, bits[flip] == 1 ? 1 : -1);
            logp[gray] = rbm.logMarginal(bits, u);
        }
        return logp;
    }

    /** Adds {@code sign} times column {@code a} of W (hidden unit a switched on or off) to the fields {@code u}. */
    private static void addColumn(Rbm rbm, double[] u, int a, double sign) {
        for (int i = 0; i < rbm.visible; i++) {
            u[i] += sign * rbm.w[i * rbm.hidden + a];
        }
    }
}
