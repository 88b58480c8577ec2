package org.milab.plugins.classic.renyi;

/** The Gaussian kernel width σ for a Gram matrix, in units of each column's standard deviation. */
public enum KernelWidthRule {
    /** Silverman's rule, as used for matrix-based entropies of network layers: σ = 1.06 n^(−1/(4+d)). */
    SILVERMAN,
    /** Scott's rule: σ = n^(−1/(4+d)). */
    SCOTT,
    /** The median of the pairwise Euclidean distances (of the standardised data). */
    MEDIAN,
    /** The value of the {@code sigma} parameter. */
    FIXED
}
