package org.milab.plugins.infoplane.plane;

import java.util.Arrays;
import java.util.Locale;

/**
 * Whether a layer shows a compression phase: after I(X;T) reaches its peak it falls by a clear margin by the last
 * epoch. Per seed, drop = max_e I(X;T)(e) − I(X;T)(last); the layer compresses when the mean drop exceeds
 * {@code threshold} × the mean peak and, with two or more seeds, the t-interval of the drop lies above 0. This is
 * the operational reading of "compression" in Shwartz-Ziv and Tishby (2017) and Saxe et al. (2018), whose figures
 * show I(X;T) rising, then falling late in training.
 *
 * @param curve      the layer
 * @param peak       mean peak I(X;T), bits
 * @param peakEpoch  epoch of the mean curve's peak
 * @param drop       mean and interval of the drop, bits
 * @param compresses the verdict
 */
record CompressionVerdict(LayerCurve curve, double peak, int peakEpoch, MeanBand drop, boolean compresses) {

    static CompressionVerdict of(LayerCurve c, double threshold, double confidence) {
        int seeds = c.perSeed().size();
        double[] drops = new double[seeds];
        double peakSum = 0;
        for (int s = 0; s < seeds; s++) {
            double[] v = c.perSeed().get(s);
            double max = Arrays.stream(v).reduce(Double.NEGATIVE_INFINITY, Math::max);
            drops[s] = max - v[v.length - 1];
            peakSum += max;
        }
        double peak = seeds == 0 ? Double.NaN : peakSum / seeds;
        MeanBand drop = seeds == 0 ? new MeanBand(Double.NaN, Double.NaN, Double.NaN, 0) : MeanBand.of(drops, confidence);
        boolean significant = drop.values() < 2 || drop.low() > 0;
        boolean compresses = seeds > 0 && drop.mean() > threshold * peak && significant;
        return new CompressionVerdict(c, peak, c.epochs()[peakIndex(c)], drop, compresses);
    }

    /** The index of the epoch with the highest mean I(X;T), the first of ties. */
    private static int peakIndex(LayerCurve c) {
        int best = 0;
        for (int i = 1; i < c.epochs().length; i++) {
            if (c.ixt().get(i).mean() > c.ixt().get(best).mean()) {
                best = i;
            }
        }
        return best;
    }

    /** The verdict as one plain sentence. */
    String sentence(double confidence) {
        String interval = drop.values() < 2 ? "one seed" : String.format(Locale.ROOT, "%.0f%% CI %.3f..%.3f over %d "
                + "seeds", 100 * confidence, drop.low(), drop.high(), drop.values());
        String from = compresses && peakEpoch == curve.epochs()[0] ? "; it falls from the initialisation on, with no "
                + "fitting phase before" : "";
        return String.format(Locale.ROOT, "%s, layer %d (%s): %s: I(X;T) peaks at %.3f bits near epoch %d and ends "
                        + "%.3f bits lower (%s)%s", curve.estimator(), curve.layer(), curve.name(),
                compresses ? "compression" : "no compression", peak, peakEpoch, drop.mean(), interval, from);
    }
}
