package org.milab.plugins.energy.analysis;

/**
 * The energy-level spectrum of a layer (Xie and Marsili 2021): the energies E_s = −ln p(s) of all 2^H states of a
 * layer's marginal, their density of states N(E) (a histogram of equal-width energy bins) and the slope β of
 * ln N(E) = a + β E at the low-energy edge, fitted by least squares over the non-empty bins from the second-lowest
 * (the lowest holds the ground state, an outlier in a random-energy spectrum) up to the fullest bin (the rising
 * side of the density). Since p(s) = e^(−E_s), the probability mass N(E) e^(−E) of an energy shell falls with E when
 * β &lt; 1 (the mass condenses on the few most probable states, the frozen phase of the random energy model),
 * rises when β &gt; 1 (it spreads over many improbable states), and is flat at β = 1, the critical point where the
 * frequencies of the states follow Zipf's law. For the HFM, ln N = (m − 1) ln 2 at E = g m + ln Z, so β = ln 2 / g.
 *
 * @param centres   bin centres of the non-empty bins, nats
 * @param logCounts ln N per non-empty bin
 * @param slope     β
 * @param intercept a
 * @param states    number of states enumerated
 */
record Spectrum(double[] centres, double[] logCounts, double slope, double intercept, long states) {

    /** The spectrum of {@code energies} in {@code bins} bins. */
    static Spectrum of(double[] energies, int bins) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double e : energies) {
            lo = Math.min(lo, e);
            hi = Math.max(hi, e);
        }
        double width = hi > lo ? (hi - lo) / bins : 1;
        long[] counts = new long[bins];
        for (double e : energies) {
            counts[Math.min(bins - 1, (int) ((e - lo) / width))]++;
        }
        return fitted(counts, lo, width, energies.length);
    }

    /** The non-empty bins of the histogram {@code counts} (bin b from lo + b width) with the line fitted to them. */
    private static Spectrum fitted(long[] counts, double lo, double width, long states) {
        int used = 0;
        for (long c : counts) {
            used += c > 0 ? 1 : 0;
        }
        double[] x = new double[used];
        double[] y = new double[used];
        for (int b = 0, j = 0; b < counts.length; b++) {
            if (counts[b] > 0) {
                x[j] = lo + (b + 0.5) * width;
                y[j++] = Math.log(counts[b]);
            }
        }
        int fullest = argmax(y);
        double[] fit = line(java.util.Arrays.copyOf(x, fullest + 1), java.util.Arrays.copyOf(y, fullest + 1), 1);
        return new Spectrum(x, y, fit[0], fit[1], states);
    }

    /** The first index of the largest value (0 when empty). */
    private static int argmax(double[] y) {
        int fullest = 0;
        for (int j = 1; j < y.length; j++) {
            if (y[j] > y[fullest]) {
                fullest = j;
            }
        }
        return fullest;
    }

    /** Least-squares slope and intercept of y on x over points {@code from..}; NaN when fewer than two. */
    static double[] line(double[] x, double[] y, int from) {
        int n = x.length - from;
        if (n < 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double mx = mean(x, from, n);
        double my = mean(y, from, n);
        double sxy = 0;
        double sxx = 0;
        for (int i = from; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double slope = sxy / sxx;
        return new double[] {slope, my - slope * mx};
    }

    /** The mean of v[from..], summed as v[i] / n. */
    private static double mean(double[] v, int from, int n) {
        double m = 0;
        for (int i = from; i < v.length; i++) {
            m += v[i] / n;
        }
        return m;
    }
}
