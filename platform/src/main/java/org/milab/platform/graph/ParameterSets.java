package org.milab.platform.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.milab.api.ConfigurationException;

/** Reads {@code --set key=value} options (an estimator's parameters on the command line); values are YAML. */
public final class ParameterSets {

    private ParameterSets() {
    }

    /**
     * The parameters {@code sets} name, in order, each located at its option.
     *
     * @throws ConfigurationException when an option is not {@code key=value}
     */
    public static Map<String, Located<Object>> parse(List<String> sets) {
        Map<String, Located<Object>> params = new LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new ConfigurationException("--set " + s, "expected key=value, e.g. --set k=5");
            }
            String where = "--set " + s;
            params.put(s.substring(0, eq).trim(), new Located<>(GraphParser.parseValue(s.substring(eq + 1), where),
                    SourcePosition.of(where)));
        }
        return params;
    }
}
