package org.milab.platform.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.milab.api.ConfigurationException;
import org.milab.api.InvalidDataException;
import org.milab.api.data.Samples;

/**
 * Reads named numeric columns of a CSV file with a header row ({@code .gz} is decompressed) into {@link Samples},
 * in one pass. Unknown columns, missing cells, text, NaN and infinities are errors naming the file, line and column.
 */
final class CsvSamples {

    private CsvSamples() {
    }

    /** Reads {@code groups} (each a list of column names) into one {@link Samples} per group. */
    static List<Samples> read(Path file, List<List<String>> groups) {
        try (Reader reader = open(file);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                     .parse(reader)) {
            Map<String, Integer> header = parser.getHeaderMap();
            requireUniqueNames(file, parser.getHeaderNames());
            Map<String, Integer> index = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            for (List<String> g : groups) {
                for (String c : g) {
                    Integer i = header.get(c);
                    if (i == null) {
                        missing.add(c);
                    } else {
                        index.put(c, i);
                    }
                }
            }
            if (!missing.isEmpty()) {
                throw new ConfigurationException(file.toString(), "no column " + String.join(", ", missing)
                        + "; the header has " + String.join(", ", header.keySet()));
            }
            List<double[]> columns = readColumns(file, parser, index);
            int n = columns.get(0).length;
            if (n == 0) {
                throw new InvalidDataException(file + ": no data rows after the header");
            }
            List<String> names = new ArrayList<>(index.keySet());
            List<Samples> out = new ArrayList<>();
            for (List<String> g : groups) {
                double[][] cols = new double[g.size()][];
                for (int i = 0; i < g.size(); i++) {
                    cols[i] = columns.get(names.indexOf(g.get(i)));
                }
                out.add(Samples.ofColumns(g, cols));
            }
            return out;
        } catch (NoSuchFileException e) {
            throw new ConfigurationException(file.toString(), "no such file");
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
            throw new ConfigurationException(file.toString(), "cannot be read as CSV with a header row: "
                    + e.getMessage());
        }
    }

    /** The column names of {@code file}'s header row, in order. */
    static List<String> header(Path file) {
        try (Reader reader = open(file);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                     .parse(reader)) {
            return List.copyOf(parser.getHeaderNames());
        } catch (NoSuchFileException e) {
            throw new ConfigurationException(file.toString(), "no such file");
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
            throw new ConfigurationException(file.toString(), "cannot be read as CSV with a header row: "
                    + e.getMessage());
        }
    }

    private static void requireUniqueNames(Path file, List<String> names) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new ConfigurationException(file + ":1", "the header names column '" + name + "' twice; "
                        + "column names must be unique (rename one)");
            }
        }
    }

    /**
     * The columns {@code index} names (name to cell position), in that order, each trimmed to the row count: primitive
     * per-column buffers and positions, no map walk or unboxing per cell.
     */
    private static List<double[]> readColumns(Path file, CSVParser parser, Map<String, Integer> index) {
        String[] names = index.keySet().toArray(new String[0]);
        int[] at = index.values().stream().mapToInt(Integer::intValue).toArray();
        double[][] buffers = new double[at.length][1024];
        int n = 0;
        for (CSVRecord r : parser) {
            if (n == buffers[0].length) {
                for (int k = 0; k < at.length; k++) {
                    buffers[k] = java.util.Arrays.copyOf(buffers[k], 2 * n);
                }
            }
            for (int k = 0; k < at.length; k++) {
                buffers[k][n] = cell(file, r, names[k], at[k]);
            }
            n++;
        }
        List<double[]> columns = new ArrayList<>();
        for (double[] b : buffers) {
            columns.add(java.util.Arrays.copyOf(b, n));
        }
        return columns;
    }

    private static double cell(Path file, CSVRecord r, String column, int i) {
        if (i < r.size()) {
            // the common case first, without building the error location
            try {
                double v = Double.parseDouble(r.get(i));
                if (Double.isFinite(v)) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        String where = file + ":" + (r.getRecordNumber() + 1) + ", column '" + column + "'";
        if (i >= r.size()) {
            throw new InvalidDataException(where + ": missing value (the row has " + r.size() + " cells)");
        }
        String text = r.get(i);
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidDataException(where + ": expected a number, got '" + text + "'");
        }
        if (!Double.isFinite(v)) {
            throw new InvalidDataException(where + ": " + text + " is not a finite number; remove or impute such rows");
        }
        return v;
    }

    private static Reader open(Path file) throws IOException {
        if (file.getFileName().toString().endsWith(".gz")) {
            return new java.io.InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
        return Files.newBufferedReader(file);
    }
}
