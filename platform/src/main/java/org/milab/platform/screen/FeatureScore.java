package org.milab.platform.screen;

import java.io.Serializable;

/**
 * The screened MI of one feature with the target.
 *
 * @param feature the feature column's name
 * @param mi      the estimate in nats ({@code NaN} when it failed)
 * @param stderr  its standard error in nats, {@code NaN} when none was asked
 * @param n       the number of rows used
 * @param seconds the wall time of the estimate
 * @param error   why the estimate failed; empty when it succeeded
 */
public record FeatureScore(String feature, double mi, double stderr, long n, double seconds, String error)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Checks that {@code error} is given (empty when the estimate succeeded). */
    public FeatureScore {
        java.util.Objects.requireNonNull(error, "error");
    }

    /** Whether the estimate failed. */
    public boolean failed() {
        return !error.isEmpty();
    }
}
