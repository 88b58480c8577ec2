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
            if (part.isEmpty()) {
                continue;
            }
            int byName = names.indexOf(part);
            if (byName >= 0) {
                out.add(byName);
            } else if (part.matches("\\d+")) {
                out.add(check(Integer.parseInt(part), names, parameter));
            } else if (part.matches("\\d+-\\d+")) {
                String[] ab = part.split("-");
                for (int i = Integer.parseInt(ab[0]); i <= Integer.parseInt(ab[1]); i++) {
                    out.add(check(i, names, parameter));
                }
            } else {
                throw new ConfigurationException("parameter '" + parameter + "'", "no column '" + part
                        + "'; columns are " + names + " (or 0-based indices and ranges like 0-3)");
            }
        }
        return new ArrayList<>(out);
    }

    private static int check(int i, List<String> names, String parameter) {
        if (i >= names.size()) {
            throw new ConfigurationException("parameter '" + parameter + "'", "column index " + i
                    + " is out of range; the file has " + names.size() + " columns");
        }
        return i;
    }
}
