package org.milab.plugins.classic.discrete;

/** How many bins a column gets when {@code bins = 0}. */
public enum BinRule {
    /** Freedman–Diaconis: width 2 IQR n^(−1/3), bins = range / width. */
    FREEDMAN_DIACONIS,
    /**
     * Birgé–Rozenholc: the D maximising Σ N<sub>j</sub> log(D N<sub>j</sub> / n) − (D − 1 + (log D)<sup>2.5</sup>)
     * over equal-width histograms, D ≤ min(n / log n, 1000). A rule for density estimation: it gives 1 bin to a
     * flat (uniform) column, which makes the binned MI 0; prefer Freedman–Diaconis for MI.
     */
    BIRGE_ROZENHOLC,
    /** Sturges: ⌈log₂ n⌉ + 1. */
    STURGES
}
