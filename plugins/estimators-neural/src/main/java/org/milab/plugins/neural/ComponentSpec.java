package org.milab.plugins.neural;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.milab.api.ConfigurationException;

/**
 * A component named in a text parameter, with its own parameters: {@code smile(tau=5)},
 * {@code separable-critic(hidden=[128,128], embedding=16)}, {@code my-lab/my-bound}. Values stay text; the host's
 * parameter declarations of the component parse them when it is resolved.
 *
 * @param name       extension name, bare or {@code plugin-id/name}
 * @param parameters raw parameter values by name
 * @param text       the spec as written, for labels
 */
record ComponentSpec(String name, Map<String, String> parameters, String text) {

    ComponentSpec {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * Parses one spec.
     *
     * @param where the parameter it comes from, for messages
     * @throws ConfigurationException saying what form was expected
     */
    static ComponentSpec parse(String text, String where) {
        String t = text.strip();
        int open = t.indexOf('(');
        String name = open < 0 ? t : t.substring(0, open).strip();
        if (name.isEmpty() || !name.matches("[a-z0-9-]+(/[a-z0-9-]+)?")) {
            throw malformed(text, where, "a lower-case extension name");
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (open >= 0) {
            if (!t.endsWith(")")) {
                throw malformed(text, where, "a closing parenthesis");
            }
            for (String item : splitTopLevel(t.substring(open + 1, t.length() - 1))) {
                int eq = item.indexOf('=');
                if (eq <= 0) {
                    throw malformed(text, where, "key=value pairs inside the parentheses");
                }
                if (params.put(item.substring(0, eq).strip(), item.substring(eq + 1).strip()) != null) {
                    throw malformed(text, where, "each parameter once");
                }
            }
        }
        return new ComponentSpec(name, params, t);
    }

    /** Parses a comma-separated list of specs, e.g. {@code dv, smile(tau=1), smile(tau=inf)}. */
    static List<ComponentSpec> parseList(String text, String where) {
        List<ComponentSpec> out = new ArrayList<>();
        for (String item : splitTopLevel(text)) {
            out.add(parse(item, where));
        }
        if (out.isEmpty()) {
            throw malformed(text, where, "at least one name");
        }
        return out;
    }

    /** Splits on commas outside parentheses and brackets; drops blank items. */
    private static List<String> splitTopLevel(String text) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                String item = text.substring(start, i).strip();
                if (!item.isEmpty()) {
                    items.add(item);
                }
                start = i + 1;
            }
        }
        return items;
    }

    private static ConfigurationException malformed(String text, String where, String expected) {
        return new ConfigurationException("parameter '" + where + "'", "cannot read '" + text + "': expected "
                + expected + ", in the form name or name(key=value, key=value), e.g. smile(tau=5)");
    }
}
