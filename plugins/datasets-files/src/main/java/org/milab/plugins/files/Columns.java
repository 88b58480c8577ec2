package org.milab.plugins.files;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.milab.api.ConfigurationException;

/** Column selections written as text: names or 0-based indices, comma-separated, ranges {@code 2-5} allowed. */
final class Columns {

    private Columns() {
    }

    /** Indices selected by {@code spec} among {@code names}; an empty spec selects nothing. */
    static List<Integer> select(String spec, List<String> names, String parameter) {
        Set<Integer> out = new LinkedHashSet<>();
        for (String raw : spec.split(",")) {
            String part = raw.trim();
            if (!part.isEmpty()) {
                addPart(out, part, names, parameter);
            }
        }
        return new ArrayList<>(out);
    }

    /** Adds the columns of one non-empty part: a name, an index or a range of indices. */
    private static void addPart(Set<Integer> out, String part, List<String> names, String parameter) {
        int byName = names.indexOf(part);
        if (byName >= 0) {
            out.add(byName);
        } else if (part.matches("\\d+")) {
            out.add(check(Integer.parseInt(part), names, parameter));
        } else if (part.matches("\\d+-\\d+")) {
            addRange(out, part.split("-"), names, parameter);
        } else {
            throw new ConfigurationException("parameter '" + parameter + "'", "no column '" + part
                    + "'; columns are " + names + " (or 0-based indices and ranges like 0-3)");
        }
    }

    /** Adds the indices from {@code ab[0]} to {@code ab[1]}, both included. */
    private static void addRange(Set<Integer> out, String[] ab, List<String> names, String parameter) {
        for (int i = Integer.parseInt(ab[0]); i <= Integer.parseInt(ab[1]); i++) {
            out.add(check(i, names, parameter));
        }
    }

    private static int check(int i, List<String> names, String parameter) {
        if (i >= names.size()) {
            throw new ConfigurationException("parameter '" + parameter + "'", "column index " + i
                    + " is out of range; the file has " + names.size() + " columns");
        }
        return i;
    }
}
