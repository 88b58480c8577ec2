package org.milab.api;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.milab.api.param.Parameter;
import org.milab.api.param.ParameterException;
import org.milab.api.param.ParameterValues;

/**
 * What an extension says about itself: a stable lower-case name (used in YAML {@code use:} and on the CLI), a
 * one-line summary and its parameter declarations, in display order.
 *
 * @param name       stable name, lower case, digits and dashes, e.g. {@code ksg1}
 * @param summary    one plain sentence
 * @param parameters declared parameters; names are unique
 */
public record ExtensionInfo(String name, String summary, List<Parameter<?>> parameters) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /** Validates the name and copies the parameter list. */
    public ExtensionInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(summary, "summary");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("extension name '" + name
                    + "' must be lower case letters and digits separated by single dashes, e.g. 'ksg1'");
        }
        parameters = List.copyOf(parameters);
        Set<String> seen = new HashSet<>();
        for (Parameter<?> p : parameters) {
            if (!seen.add(p.name())) {
                throw new IllegalArgumentException("extension '" + name + "' declares parameter '" + p.name() + "' twice");
            }
        }
    }

    /** Convenience factory. */
    public static ExtensionInfo of(String name, String summary, Parameter<?>... parameters) {
        return new ExtensionInfo(name, summary, List.of(parameters));
    }

    /**
     * Binds raw values (from YAML, {@code --set} or a component spec) to these declarations, defaults filled in.
     *
     * @throws ConfigurationException listing every problem, each located at {@code parameter 'name'}
     * @since 1.1.0
     */
    public ParameterValues bind(Map<String, ?> raw) {
        try {
            return ParameterValues.bind(parameters, raw);
        } catch (ParameterException e) {
            throw ConfigurationException.of(e);
        }
    }
}
