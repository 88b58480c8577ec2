package org.milab.api.data;

import java.util.Objects;

/**
 * A known value of the mutual information between two views of a dataset.
 *
 * @param viewA  first view
 * @param viewB  second view
 * @param nats   I(A;B) in nats
 * @param method how it is known, e.g. {@code closed form}, {@code numerical integration, error < 1e-9}
 */
public record GroundTruth(String viewA, String viewB, double nats, String method) {

    /** Checks parts; the value must be a non-negative number (infinity allowed for deterministic relations). */
    public GroundTruth {
        Objects.requireNonNull(viewA, "viewA");
        Objects.requireNonNull(viewB, "viewB");
        Objects.requireNonNull(method, "method");
        if (Double.isNaN(nats) || nats < 0) {
            throw new IllegalArgumentException("ground-truth MI must be >= 0, got " + nats);
        }
    }

    /** Whether this truth is about the (unordered) pair {@code a}, {@code b}. */
    public boolean concerns(String a, String b) {
        return (viewA.equals(a) && viewB.equals(b)) || (viewA.equals(b) && viewB.equals(a));
    }
}
