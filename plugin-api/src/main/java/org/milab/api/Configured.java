package org.milab.api;

import java.util.Objects;

/**
 * Another extension, resolved by the host and bound to its own validated parameters, for extensions composed of
 * others (a variational estimator using a {@code MiBound} and a critic {@code ModelFactory}). Call the extension
 * with {@link #context()}, never with your own context.
 *
 * @param extension the resolved extension
 * @param context   a context carrying its parameters and a seed derived from the caller's
 * @param <T>       the role
 */
public record Configured<T extends MilabExtension>(T extension, RunContext context) {

    /** Checks both parts are present. */
    public Configured {
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(context, "context");
    }
}
