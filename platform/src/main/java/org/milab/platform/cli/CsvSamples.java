package org.milab.platform.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.milab.api.ConfigurationException;
import org.milab.api.InvalidDataException;
import org.milab.api.data.Samples;
import org.milab.platform.csv.CsvFormatException;
import org.milab.platform.csv.CsvReader;

/**
 * Reads named numeric columns of a CSV file with a header row ({@code .gz} is decompressed) into {@link Samples},
 * in one pass, straight from bytes into {@code double[]} columns (no {@code String} or boxed number per cell).
 * Unknown columns, missing cells, text, NaN and infinities are errors naming the file, line and column.
 */
final class CsvSamples {

    private CsvSamples() {
    }

    /** Reads {@code groups} (each a list of column names) into one {@link Samples} per group. */
    static List<Samples> read(Path file, List<List<String>> groups) {
        try (CsvReader csv = CsvReader.open(file)) {
            List<String> header = headerRow(file, csv);
            List<String> wanted = groups.stream().flatMap(List::stream).distinct().toList();
            double[][] columns = new ColumnReader(file, wanted, positions(file, header, wanted)).read(csv);
            List<Samples> out = new ArrayList<>();
            for (List<String> g : groups) {
                out.add(Samples.ofColumns(g, g.stream().map(c -> columns[wanted.indexOf(c)]).toArray(double[][]::new)));
            }
            return out;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** The column names of {@code file}'s header row, in order. */
    static List<String> header(Path file) {
        try (CsvReader csv = CsvReader.open(file)) {
            return headerRow(file, csv);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static List<String> headerRow(Path file, CsvReader csv) throws IOException {
        if (!csv.next()) {
            throw new ConfigurationException(file.toString(), "is empty; expected a header row naming the columns");
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < csv.cells(); k++) {
            String name = csv.text(k);
            if (!seen.add(name)) {
                throw new ConfigurationException(file + ":" + csv.line(), "the header names column '" + name
                        + "' twice; column names must be unique (rename one)");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    /** The header positions of {@code wanted}; every unknown name is reported at once. */
    private static int[] positions(Path file, List<String> header, List<String> wanted) {
        List<String> missing = wanted.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new ConfigurationException(file.toString(), "no column " + String.join(", ", missing)
                    + "; the header has " + String.join(", ", header));
        }
        return wanted.stream().mapToInt(header::indexOf).toArray();
    }

    private static RuntimeException unreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new ConfigurationException(file.toString(), "no such file");
        }
        if (e instanceof CsvFormatException f) {
            return new ConfigurationException(file + ":" + f.line(), "is not valid CSV: " + f.getMessage());
        }
        return new ConfigurationException(file.toString(), "cannot be read as CSV with a header row: "
                + e.getMessage());
    }

    /** Reads the data rows' cells at fixed positions into growing primitive columns. */
    private static final class ColumnReader {

        private final Path file;
        private final List<String> names;
        private final int[] at;
        private double[][] columns;
        private int rows;

        ColumnReader(Path file, List<String> names, int[] at) {
            this.file = file;
            this.names = names;
            this.at = at;
            this.columns = new double[at.length][1024];
        }

        /** Every remaining row of {@code csv}, as one array per column, trimmed to the row count. */
        double[][] read(CsvReader csv) throws IOException {
            while (csv.next()) {
                if (rows == columns[0].length) {
                    grow();
                }
                for (int k = 0; k < at.length; k++) {
                    columns[k][rows] = cell(csv, k);
                }
                rows++;
            }
            if (rows == 0) {
                throw new InvalidDataException(file + ": no data rows after the header");
            }
            for (int k = 0; k < at.length; k++) {
                columns[k] = java.util.Arrays.copyOf(columns[k], rows);
            }
            return columns;
        }

        private void grow() {
            for (int k = 0; k < at.length; k++) {
                columns[k] = java.util.Arrays.copyOf(columns[k], 2 * rows);
            }
        }

        /** The finite number in the current row under column {@code k}; otherwise an error naming file and line. */
        private double cell(CsvReader csv, int k) {
            int i = at[k];
            if (i < csv.cells()) {
                try {
                    double v = csv.number(i);
                    if (Double.isFinite(v)) {
                        return v;
                    }
                } catch (NumberFormatException e) {
                    // reported below, with the text
                }
            }
            throw badCell(csv, i, file + ":" + csv.line() + ", column '" + names.get(k) + "'");
        }

        private static InvalidDataException badCell(CsvReader csv, int i, String where) {
            if (i >= csv.cells()) {
                return new InvalidDataException(where + ": missing value (the row has " + csv.cells() + " cells)");
            }
            String text = csv.text(i);
            try {
                Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return new InvalidDataException(where + ": expected a number, got '" + text + "'");
            }
            return new InvalidDataException(where + ": " + text + " is not a finite number; remove or impute such rows");
        }
    }
}
