package org.milab.plugins.classic.discrete;

/** How a column is cut into bins. */
public enum Binning {
    /** Bins of equal width between the column's minimum and maximum. */
    EQUAL_WIDTH,
    /**
     * Bins holding equal numbers of samples (edges at the quantiles), which maximises the entropy of the binned
     * variable: the adaptive binning of Chelombiev et al. (2019). Equal values always share a bin.
     */
    EQUAL_FREQUENCY
}
