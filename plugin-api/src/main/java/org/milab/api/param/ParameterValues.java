package org.milab.api.param;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated values of an extension's declared parameters, defaults filled in; immutable.
 */
public final class ParameterValues {

    private final Map<String, Parameter<?>> declared;
    private final Map<String, Object> values;

    private ParameterValues(Map<String, Parameter<?>> declared, Map<String, Object> values) {
        this.declared = declared;
        this.values = values;
    }

    /**
     * Binds raw values (from YAML or {@code --set}) to declarations. Every problem is collected: unknown names,
     * missing required values, ill-typed or out-of-range values.
     *
     * <p>Hosts bind through {@code ExtensionInfo.bind}, which reports the same problems as a
     * {@code ConfigurationException}.
     *
     * @throws ParameterException listing every problem (since API 1.1.0; before, a {@code ConfigurationException})
     */
    public static ParameterValues bind(List<Parameter<?>> declarations, Map<String, ?> raw) {
        Map<String, Parameter<?>> byName = new LinkedHashMap<>();
        declarations.forEach(p -> byName.put(p.name(), p));
        List<ParameterProblem> problems = unknownNames(byName, raw);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter<?> p : declarations) {
            bindOne(p, raw.get(p.name()), values, problems);
        }
        if (!problems.isEmpty()) {
            throw new ParameterException(problems);
        }
        return new ParameterValues(Collections.unmodifiableMap(byName), Collections.unmodifiableMap(values));
    }

    /** A problem for each raw key no declaration has. */
    private static List<ParameterProblem> unknownNames(Map<String, Parameter<?>> byName, Map<String, ?> raw) {
        List<ParameterProblem> problems = new ArrayList<>();
        for (String key : raw.keySet()) {
            if (!byName.containsKey(key)) {
                problems.add(new ParameterProblem(key, "unknown parameter; declared: "
                        + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet()))));
            }
        }
        return problems;
    }

    /** Puts the value of {@code p} (parsed from {@code given}, or its default) or adds why there is none. */
    private static void bindOne(Parameter<?> p, Object given, Map<String, Object> values,
                                List<ParameterProblem> problems) {
        if (given == null) {
            if (p.required()) {
                problems.add(new ParameterProblem(p.name(),
                        "required, " + p.typeDescription() + " (" + p.description() + ")"));
            } else {
                values.put(p.name(), p.defaultValue().orElseThrow());
            }
            return;
        }
        try {
            values.put(p.name(), p.parse(given));
        } catch (IllegalArgumentException e) {
            problems.add(new ParameterProblem(p.name(), e.getMessage()));
        }
    }

    /** Defaults only; throws when a parameter is required. */
    public static ParameterValues defaults(List<Parameter<?>> declarations) {
        return bind(declarations, Map.of());
    }

    /**
     * The value of a declared parameter.
     *
     * @throws IllegalArgumentException when {@code parameter} is not one of the bound declarations
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Parameter<T> parameter) {
        Parameter<?> known = declared.get(parameter.name());
        if (known != parameter && (known == null || known.kind() != parameter.kind())) {
            throw new IllegalArgumentException("parameter '" + parameter.name() + "' is not declared by this extension");
        }
        return (T) values.get(parameter.name());
    }

    /** Every value by parameter name, in declaration order. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** Every value in canonical text form, in declaration order (for provenance and display). */
    public Map<String, String> asText() {
        Map<String, String> text = new LinkedHashMap<>();
        values.forEach((k, v) -> text.put(k, declared.get(k).format(v)));
        return text;
    }

    @Override
    public String toString() {
        return asText().toString();
    }
}
