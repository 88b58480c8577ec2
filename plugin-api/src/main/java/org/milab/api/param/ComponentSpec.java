package org.milab.api.param;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Another extension named in a parameter, with its own parameters: {@code mlp(hidden=[32, 32])},
 * {@code smile(tau=5)}, {@code my-lab/my-bound}. Values stay text here; the named extension's own declarations parse
 * them when the host binds it (before anything runs, for parameters declared with
 * {@link Parameter#component(String, Class)}). Immutable.
 *
 * @param name       extension name, bare or {@code plugin-id/name}
 * @param parameters raw values by parameter name, in the order written
 */
public record ComponentSpec(String name, Map<String, Object> parameters) {

    private static final String FORM = "name or name(key=value, ...), each key once, e.g. mlp(hidden=[32, 32])";

    /** Checks the name and copies the parameters. */
    public ComponentSpec {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9-]*(/[a-z][a-z0-9-]*)?")) {
            throw new IllegalArgumentException("expected " + FORM + ", got '" + name + "'");
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * Reads {@code name} or {@code name(key=value, ...)}; values may hold brackets and nested specs.
     *
     * @throws IllegalArgumentException saying what form was expected
     */
    public static ComponentSpec parse(String text) {
        String t = text.strip();
        int open = t.indexOf('(');
        String name = (open < 0 ? t : t.substring(0, open)).strip();
        if (open >= 0 && !t.endsWith(")")) {
            throw new IllegalArgumentException("expected " + FORM + ", got '" + text + "' (no closing parenthesis)");
        }
        Map<String, Object> params = open >= 0 ? parameters(t.substring(open + 1, t.length() - 1), text)
                : new LinkedHashMap<>();
        try {
            return new ComponentSpec(name, params);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected " + FORM + ", got '" + text + "'", e);
        }
    }

    /** The {@code key=value} items of {@code body}, in order; each key once. */
    private static Map<String, Object> parameters(String body, String text) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (String item : splitTopLevel(body)) {
            int eq = item.indexOf('=');
            if (eq <= 0 || params.put(item.substring(0, eq).strip(), item.substring(eq + 1).strip()) != null) {
                throw new IllegalArgumentException("expected " + FORM + ", got '" + text + "'");
            }
        }
        return params;
    }

    /** Reads a comma-separated list of specs, e.g. {@code dv, smile(tau=1), smile(tau=inf)}. */
    public static List<ComponentSpec> parseList(String text) {
        List<ComponentSpec> out = new ArrayList<>();
        for (String item : splitTopLevel(text)) {
            out.add(parse(item));
        }
        return out;
    }

    /** This spec with {@code key} set to {@code value} unless it already sets it. */
    public ComponentSpec withDefault(String key, Object value) {
        Map<String, Object> p = new LinkedHashMap<>(parameters);
        p.putIfAbsent(key, value);
        return new ComponentSpec(name, p);
    }

    /** The canonical text, accepted back by {@link #parse(String)}. */
    @Override
    public String toString() {
        if (parameters.isEmpty()) {
            return name;
        }
        return parameters.entrySet().stream().map(e -> e.getKey() + "=" + text(e.getValue()))
                .collect(Collectors.joining(", ", name + "(", ")"));
    }

    private static String text(Object v) {
        if (v instanceof List<?> l) {
            return l.stream().map(ComponentSpec::text).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(v);
    }

    /** Splits on commas outside parentheses and brackets; drops blank items. */
    private static List<String> splitTopLevel(String text) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            if (c == ',' && depth == 0) {
                String item = text.substring(start, i).strip();
                if (!item.isEmpty()) {
                    items.add(item);
                }
                start = i + 1;
            } else {
                depth += nesting(c);
            }
        }
        return items;
    }

    /** +1 for an opening parenthesis or bracket, -1 for a closing one, else 0. */
    private static int nesting(char c) {
        return c == '(' || c == '[' ? 1 : c == ')' || c == ']' ? -1 : 0;
    }
}
