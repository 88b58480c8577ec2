package org.milab.api.bound;

/** What the score matrix given to a {@link MiBound} means, and so what kind of model the trainer must build. */
public enum CriticKind {
    /** {@code scores[i][j] = f(x_i, y_j)}, an unconstrained real-valued critic (DV, NWJ, InfoNCE, ...). */
    SCORE,
    /**
     * {@code scores[i][j] = log q(y_j | x_i)}, a normalised conditional log-density (variational upper bounds such
     * as CLUB): the trainer fits q by maximum likelihood on the positive pairs.
     */
    LOG_DENSITY
}
