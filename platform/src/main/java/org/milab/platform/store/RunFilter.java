package org.milab.platform.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which runs {@link RunStore#list(RunFilter)} returns: optionally one experiment, and runs where every
 * {@code where} pair matches. A key {@code node.param} matches that node's parameter or that swept value; a bare
 * {@code param} matches the parameter of any node; {@code seed} matches a swept seed. Values compare as text.
 *
 * @param experiment only this experiment, when present
 * @param where      parameter (or swept value) to required value
 */
public record RunFilter(Optional<String> experiment, Map<String, String> where) {

    /** Copies. */
    public RunFilter {
        where = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(where));
    }

    /** Every run. */
    public static RunFilter all() {
        return new RunFilter(Optional.empty(), Map.of());
    }

    /** This filter, for one experiment. */
    public RunFilter experiment(String name) {
        return new RunFilter(Optional.of(name), where);
    }

    /** This filter, also requiring {@code key = value}. */
    public RunFilter where(String key, String value) {
        Map<String, String> w = new LinkedHashMap<>(where);
        w.put(key, value);
        return new RunFilter(experiment, w);
    }
}
