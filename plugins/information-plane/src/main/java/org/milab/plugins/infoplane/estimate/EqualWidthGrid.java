package org.milab.plugins.infoplane.estimate;

/**
 * Equal-width bins from the smallest to the largest value of the layer: edge k is min + k (max - min) / bins,
 * k = 1..bins-1. Shwartz-Ziv and Tishby (2017) fixed the range to tanh's [-1, 1]; Saxe et al. (2018) and Chelombiev
 * et al. (2019) take it from the activations, which is what ReLU layers need and what this grid does.
 */
final class EqualWidthGrid implements BinGrid {

    @Override
    public double[] edges(double[] sortedPooled, int bins) {
        double lo = sortedPooled[0];
        double hi = sortedPooled[sortedPooled.length - 1];
        if (hi == lo || bins == 1) {
            return new double[0];
        }
        double[] e = new double[bins - 1];
        for (int k = 1; k < bins; k++) {
            e[k - 1] = lo + k * (hi - lo) / bins;
        }
        return e;
    }
}
