package org.milab.platform.graph;

/**
 * A value read from an experiment file together with where it was written.
 *
 * @param value the value (a YAML scalar as String, Long, Double, Boolean, or a List of those)
 * @param at    where it was written
 * @param <T>   the value type
 */
public record Located<T>(T value, SourcePosition at) {
}
