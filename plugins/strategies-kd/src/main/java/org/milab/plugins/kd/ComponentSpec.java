package org.milab.plugins.kd;

import java.util.LinkedHashMap;
import java.util.Map;
import org.milab.api.ConfigurationException;

/**
 * A component named in a text parameter with its own parameters, e.g. {@code mlp(hidden=[32, 32])} or
 * {@code hinton-kd(temperature=4)}. Values stay text: the component's own declarations parse them when the host
 * resolves it.
 *
 * @param name       extension name, bare or {@code plugin-id/name}
 * @param parameters raw values by parameter name
 */
record ComponentSpec(String name, Map<String, Object> parameters) {

    ComponentSpec {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** This spec with {@code key} set to {@code value} unless the spec already sets it. */
    ComponentSpec withDefault(String key, Object value) {
        Map<String, Object> p = new LinkedHashMap<>(parameters);
        p.putIfAbsent(key, value);
        return new ComponentSpec(name, p);
    }

    /**
     * Reads {@code name} or {@code name(key=value, ...)}; brackets may hold commas.
     *
     * @throws ConfigurationException naming {@code parameter} and the expected form
     */
    static ComponentSpec parse(String text, String parameter) {
        String t = text.strip();
        int open = t.indexOf('(');
        String name = (open < 0 ? t : t.substring(0, open)).strip();
        if (!name.matches("[a-z0-9-]+(/[a-z0-9-]+)?") || (open >= 0 && !t.endsWith(")"))) {
            throw malformed(text, parameter);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        if (open >= 0) {
            String body = t.substring(open + 1, t.length() - 1);
            int depth = 0;
            int start = 0;
            for (int i = 0; i <= body.length(); i++) {
                char c = i < body.length() ? body.charAt(i) : ',';
                if (c == '[' || c == '(') {
                    depth++;
                } else if (c == ']' || c == ')') {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    String item = body.substring(start, i).strip();
                    start = i + 1;
                    if (item.isEmpty()) {
                        continue;
                    }
                    int eq = item.indexOf('=');
                    if (eq <= 0 || params.put(item.substring(0, eq).strip(), item.substring(eq + 1).strip()) != null) {
                        throw malformed(text, parameter);
                    }
                }
            }
        }
        return new ComponentSpec(name, params);
    }

    private static ConfigurationException malformed(String text, String parameter) {
        return new ConfigurationException("parameter '" + parameter + "'", "cannot read '" + text + "': expected "
                + "name or name(key=value, ...), each key once, e.g. mlp(hidden=[32, 32]) or hinton-kd(temperature=4)");
    }
}
