package org.milab.plugins.classic.discrete;

import org.milab.api.estimate.Estimate;
import org.milab.plugins.classic.common.Symbols;

/** Plug-in entropies and mutual information of symbol sequences, in nats. */
final class PlugIn {

    private PlugIn() {
    }

    /** Ĥ = log n − (1/n) Σ c log c over the symbol counts c, plus (m − 1)/(2n) for Miller–Madow. */
    static double entropy(Symbols s, Correction correction) {
        int[] counts = s.counts();
        int n = s.ids().length;
        double sum = 0;
        int occupied = 0;
        for (int c : counts) {
            if (c > 0) {
                sum += c * Math.log(c);
                occupied++;
            }
        }
        double h = Math.log(n) - sum / n;
        return correction == Correction.MILLER_MADOW ? h + (occupied - 1) / (2.0 * n) : h;
    }

    /** Î = Ĥ(X) + Ĥ(Y) − Ĥ(X, Y), each term corrected alike. */
    static double mutualInformation(Symbols x, Symbols y, Correction correction) {
        return entropy(x, correction) + entropy(y, correction) - entropy(x.pairedWith(y), correction);
    }

    /**
     * Î of the coded rows as an estimate over their n rows, with {@link CellOccupancy}'s warning when they fill
     * their joint cells too thinly; {@code columns} is the number of input columns behind the codes.
     */
    static Estimate estimate(Symbols x, Symbols y, Correction correction, int columns) {
        Estimate e = Estimate.of(mutualInformation(x, y, correction), x.ids().length);
        return CellOccupancy.warning(x, y, columns).map(e::withWarning).orElse(e);
    }
}
