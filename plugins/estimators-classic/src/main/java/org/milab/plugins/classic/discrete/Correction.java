package org.milab.plugins.classic.discrete;

/** Bias correction of the plug-in entropy. */
public enum Correction {
    /** The maximum-likelihood (plug-in) entropy −Σ p̂ log p̂, biased downwards by about (m − 1)/(2n). */
    NONE,
    /** Miller–Madow: adds (m − 1)/(2n), m the number of occupied cells. */
    MILLER_MADOW
}
