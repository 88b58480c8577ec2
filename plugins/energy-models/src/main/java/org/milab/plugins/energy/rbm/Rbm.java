package org.milab.plugins.energy.rbm;

import java.util.SplittableRandom;

/**
 * A binary restricted Boltzmann machine (Smolensky 1986; Hinton 2002) over visible v ∈ {0,1}^V and hidden
 * h ∈ {0,1}^H with energy and conditionals
 * <pre>
 *   E(v, h) = −bᵀv − cᵀh − vᵀ W h,   p(h_a = 1 | v) = σ(c_a + Σ_i v_i W_ia),   p(v_i = 1 | h) = σ(b_i + Σ_a W_ia h_a)
 * </pre>
 * and hidden marginal p(h) ∝ exp(cᵀh) Π_i (1 + exp(b_i + (W h)_i)). The weights are held in flat arrays
 * ({@code w[i * H + a]}) that the trainer updates in place; an instance belongs to one trainer at a time.
 * Memory: V H + V + H doubles.
 */
public final class Rbm {

    final int visible;
    final int hidden;
    final double[] w;
    final double[] b;
    final double[] c;

    Rbm(int visible, int hidden, double[] w, double[] b, double[] c) {
        this.visible = visible;
        this.hidden = hidden;
        this.w = w;
        this.b = b;
        this.c = c;
    }

    /** Small random weights N(0, 0.01²), zero biases (Hinton 2010, "A practical guide to training RBMs"). */
    public static Rbm random(int visible, int hidden, SplittableRandom rng) {
        double[] w = new double[visible * hidden];
        for (int i = 0; i < w.length; i++) {
            w[i] = 0.01 * gaussian(rng);
        }
        return new Rbm(visible, hidden, w, new double[visible], new double[hidden]);
    }

    /** A machine with the given parameters (copied). */
    public static Rbm of(int visible, int hidden, double[] w, double[] b, double[] c) {
        if (w.length != visible * hidden || b.length != visible || c.length != hidden) {
            throw new IllegalArgumentException("expected " + visible + " x " + hidden + " weights, " + visible
                    + " visible and " + hidden + " hidden biases");
        }
        return new Rbm(visible, hidden, w.clone(), b.clone(), c.clone());
    }

    public int visible() {
        return visible;
    }

    public int hidden() {
        return hidden;
    }

    /** A copy of the weights, row-major visible x hidden. */
    public double[] weights() {
        return w.clone();
    }

    public double[] visibleBias() {
        return b.clone();
    }

    public double[] hiddenBias() {
        return c.clone();
    }

    /** p(h_a = 1 | v) for every a, into {@code out}. */
    public void hiddenGivenVisible(double[] v, int offset, double[] out) {
        for (int a = 0; a < hidden; a++) {
            out[a] = c[a];
        }
        for (int i = 0; i < visible; i++) {
            double vi = v[offset + i];
            if (vi != 0) {
                for (int a = 0, k = i * hidden; a < hidden; a++, k++) {
                    out[a] += vi * w[k];
                }
            }
        }
        for (int a = 0; a < hidden; a++) {
            out[a] = Logistic.sigmoid(out[a]);
        }
    }

    /** p(v_i = 1 | h) for every i, into {@code out}. */
    public void visibleGivenHidden(double[] h, double[] out) {
        for (int i = 0; i < visible; i++) {
            double s = b[i];
            for (int a = 0, k = i * hidden; a < hidden; a++, k++) {
                s += w[k] * h[a];
            }
            out[i] = Logistic.sigmoid(s);
        }
    }

    /**
     * The unnormalised log marginal of a hidden state, ln p*(h) = cᵀh + Σ_i softplus(b_i + (W h)_i), given the
     * visible fields u_i = b_i + (W h)_i.
     */
    double logMarginal(int[] h, double[] fields) {
        double s = 0;
        for (int a = 0; a < hidden; a++) {
            s += c[a] * h[a];
        }
        for (double u : fields) {
            s += Logistic.softplus(u);
        }
        return s;
    }

    static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
