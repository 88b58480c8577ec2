package org.milab.plugins.energy.rbm;

import org.milab.api.data.Samples;

/** The representation an RBM gives its data: per row, p(h | v) (for the next layer) and the most likely h. */
public final class HiddenStates {

    private HiddenStates() {
    }

    /** p(h | v) for every row, row-major. */
    public static double[] probabilities(Rbm m, double[] data, int rows) {
        double[] out = new double[rows * m.hidden];
        double[] h = new double[m.hidden];
        for (int r = 0; r < rows; r++) {
            m.hiddenGivenVisible(data, r * m.visible, h);
            System.arraycopy(h, 0, out, r * m.hidden, m.hidden);
        }
        return out;
    }

    /** The most likely state of each row, h_a = 1[p(h_a | v) &gt; 1/2] (the posterior factorises), as samples. */
    public static Samples mostLikely(double[] probabilities, int rows, int hidden) {
        double[] s = new double[probabilities.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = probabilities[i] > 0.5 ? 1 : 0;
        }
        return Samples.wrap(rows, hidden, s, Samples.names("h", hidden));
    }
}
