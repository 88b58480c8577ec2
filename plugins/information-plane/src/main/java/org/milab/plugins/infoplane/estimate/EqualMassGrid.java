package org.milab.plugins.infoplane.estimate;

import java.util.Arrays;

/**
 * Equal-mass bins over the pooled values of a layer: edge k is the k/bins quantile, k = 1..bins-1, repeated edges
 * dropped. Equal mass maximises the entropy of the binned marginal for a given number of bins, which is the
 * entropy-based adaptive binning (EBAB) of Chelombiev et al. (2019). Where many values coincide (the zeros of a ReLU
 * layer) a quantile repeats, the repeated edge is dropped and that value gets a bin of its own, so fewer than
 * {@code bins} bins may be used.
 */
final class EqualMassGrid implements BinGrid {

    @Override
    public double[] edges(double[] sortedPooled, int bins) {
        int n = sortedPooled.length;
        double[] e = new double[Math.max(0, bins - 1)];
        int used = 0;
        for (int k = 1; k < bins; k++) {
            double q = sortedPooled[(int) Math.min(n - 1, (long) k * n / bins)];
            if (q > sortedPooled[0] && (used == 0 || q > e[used - 1])) {
                e[used++] = q;
            }
        }
        return Arrays.copyOf(e, used);
    }
}
