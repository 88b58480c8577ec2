package org.milab.api;

import java.util.Objects;

/**
 * A named, typed input of an extension whose inputs are not fixed by its role (analyses, training strategies).
 * The host checks the type of whatever a graph wires into it before anything runs.
 *
 * @param name        port name, lower case
 * @param type        the Java type of values accepted, e.g. {@code Samples.class}
 * @param description one line
 * @param optional    whether the port may be left unwired
 */
public record Port(String name, Class<?> type, String description, boolean optional) {

    /** Checks the parts are present. */
    public Port {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
    }

    /** A required port. */
    public static Port required(String name, Class<?> type, String description) {
        return new Port(name, type, description, false);
    }

    /** An optional port. */
    public static Port optional(String name, Class<?> type, String description) {
        return new Port(name, type, description, true);
    }
}
