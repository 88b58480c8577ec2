package org.milab.plugins.classic.discrete;

import java.util.Locale;
import java.util.Optional;
import org.milab.plugins.classic.common.Symbols;

/**
 * The plug-in estimator's sample-size assumption: each occupied joint cell (x, y) must hold several samples. When
 * the average occupied cell holds fewer than {@value #MIN_PER_CELL}, the plug-in terms count cells rather than
 * estimate probabilities and Î drifts towards ln n (every row alone in its cell gives Î = Ĥ(X) + Ĥ(Y) − ln n, up
 * to ln n); this happens with many columns or many bins per column.
 */
final class CellOccupancy {

    /** Samples per occupied joint cell below which the estimate is flagged. */
    static final double MIN_PER_CELL = 5;

    private CellOccupancy() {
    }

    /** A warning when the {@code n} rows fill their joint cells too thinly; empty otherwise. */
    static Optional<String> warning(Symbols x, Symbols y, int columns) {
        int n = x.ids().length;
        int occupied = x.pairedWith(y).cardinality();
        double perCell = (double) n / occupied;
        if (perCell >= MIN_PER_CELL) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "the %d samples spread over %d occupied joint cells (%.2f per "
                + "cell, fewer than %.0f) across %d columns: the plug-in estimate is mostly bias, pulled towards "
                + "ln n = %.2f; use fewer bins or columns, or a nearest-neighbour estimator (ksg, or auto)", n,
                occupied, perCell, MIN_PER_CELL, columns, Math.log(n)));
    }
}
