package org.milab.platform.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns, numbers right-aligned. */
final class TextTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    TextTable add(List<String> row) {
        rows.add(List.copyOf(row));
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    @Override
    public String toString() {
        int[] w = widths();
        StringBuilder sb = new StringBuilder();
        line(sb, header, w);
        for (int i = 0; i < w.length; i++) {
            sb.append("-".repeat(w[i])).append(i + 1 < w.length ? "  " : "\n");
        }
        rows.forEach(r -> line(sb, r, w));
        return sb.toString();
    }

    /** Each column's width: its widest cell, header included. */
    private int[] widths() {
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = header.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        return w;
    }

    private static void line(StringBuilder sb, List<String> cells, int[] w) {
        for (int i = 0; i < w.length; i++) {
            String c = cells.get(i);
            boolean numeric = c.matches("[-+]?[0-9.]+(e[-+]?[0-9]+)?( s)?");
            String pad = " ".repeat(w[i] - c.length());
            sb.append(numeric ? pad + c : c + (i + 1 < w.length ? pad : "")).append(i + 1 < w.length ? "  " : "\n");
        }
    }
}
