package org.milab.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The values wired into an extension's {@link Port}s, by port name; immutable. */
public final class Inputs {

    private final Map<String, Object> values;

    private Inputs(Map<String, Object> values) {
        this.values = values;
    }

    /** From a map of port name to value; copied. */
    public static Inputs of(Map<String, ?> values) {
        return new Inputs(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    /** The value of a wired port, checked against {@code type}; throws when unwired or of another type. */
    public <T> T get(String port, Class<T> type) {
        return find(port, type).orElseThrow(() -> new MilabException("input port '" + port + "' is not wired"));
    }

    /** The value of a port when wired. */
    public <T> Optional<T> find(String port, Class<T> type) {
        Object v = values.get(port);
        if (v == null) {
            return Optional.empty();
        }
        if (!type.isInstance(v)) {
            throw new MilabException("input port '" + port + "' holds a " + v.getClass().getSimpleName()
                    + ", expected a " + type.getSimpleName());
        }
        return Optional.of(type.cast(v));
    }

    /** The names of the wired ports. */
    public Set<String> names() {
        return values.keySet();
    }
}
