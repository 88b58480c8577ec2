package org.milab.api.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A small result table: a title, column names and rows of cells (numbers or text).
 *
 * @param title   one line
 * @param columns column names
 * @param rows    rows, each with one cell per column
 */
public record Table(String title, List<String> columns, List<List<Object>> rows) {

    /** Checks every row has one cell per column and copies. */
    public Table {
        Objects.requireNonNull(title, "title");
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " cells, expected " + columns.size());
            }
            copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = List.copyOf(copy);
    }
}
