package org.milab.platform.report;

import java.util.Locale;
import java.util.Optional;

/**
 * Which runs to list: experiment name containing a text, an exact status, and a parameter condition
 * {@code key=value} (exact value) or {@code key} alone (the run has that parameter), where {@code key} is a
 * {@code node.param} name or a part of one. Empty parts match every run.
 *
 * @param experiment part of the experiment name (case-insensitive)
 * @param status the status, exactly
 * @param parameter {@code key=value} or {@code key}
 */
public record RunFilter(String experiment, String status, String parameter) {

    /** Every run. */
    public static final RunFilter ALL = new RunFilter("", "", "");

    /** Nulls become empty. */
    public RunFilter {
        experiment = experiment == null ? "" : experiment.trim();
        status = status == null ? "" : status.trim();
        parameter = parameter == null ? "" : parameter.trim();
    }

    /** Whether {@code e} passes. */
    public boolean test(RunEntry e) {
        return e.experiment().toLowerCase(Locale.ROOT).contains(experiment.toLowerCase(Locale.ROOT))
                && (status.isEmpty() || status.equalsIgnoreCase(e.status())) && parameterMatches(e);
    }

    private boolean parameterMatches(RunEntry e) {
        if (parameter.isEmpty()) {
            return true;
        }
        int eq = parameter.indexOf('=');
        String key = (eq < 0 ? parameter : parameter.substring(0, eq)).trim();
        Optional<String> value = eq < 0 ? Optional.empty() : Optional.of(parameter.substring(eq + 1).trim());
        return e.parameters().entrySet().stream().anyMatch(p -> (p.getKey().equals(key) || p.getKey().endsWith("."
                + key)) && value.map(v -> valueMatches(p.getValue(), v)).orElse(true));
    }

    /** Equal as text, or as numbers ({@code 1} matches {@code 1.0}), or one of a swept list's values. */
    private static boolean valueMatches(String actual, String wanted) {
        if (actual.equals(wanted)) {
            return true;
        }
        try {
            if (Double.parseDouble(actual) == Double.parseDouble(wanted)) {
                return true;
            }
        } catch (NumberFormatException e) {
            // not both numbers
        }
        return actual.startsWith("[") && java.util.Arrays.stream(actual.substring(1, actual.length() - 1)
                .split(",")).anyMatch(s -> valueMatches(s.trim(), wanted));
    }
}
