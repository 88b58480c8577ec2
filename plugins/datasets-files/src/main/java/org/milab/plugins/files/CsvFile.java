package org.milab.plugins.files;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.InvalidDataException;
import org.milab.api.RunContext;
import org.milab.api.data.Dataset;
import org.milab.api.data.DatasetProvider;
import org.milab.api.data.Samples;
import org.milab.api.param.Parameter;
import org.milab.api.param.ParameterValues;
import org.pf4j.Extension;

/**
 * A numeric CSV file (plain or gzip) as views {@code x}, optionally {@code y} and {@code label}.
 *
 * <p>Columns are chosen by name (with a header) or 0-based index; x defaults to every column not used by y or the
 * label. The file is streamed once, record by record, into growable primitive arrays (no second pass, no boxing).
 * A non-numeric cell fails with the file, line and column. Cost: O(file size) time, one double per selected cell.
 */
@Extension
@Citation(authors = "Shafranovich, Y.", year = 2005, title = "Common Format and MIME Type for CSV Files",
        venue = "RFC 4180", doi = "10.17487/RFC4180")
public final class CsvFile implements DatasetProvider {

    static final Parameter<String> PATH = Parameter.string("path").existingPath()
            .description("CSV file (gzip is detected automatically)").build();
    static final Parameter<Boolean> HEADER = Parameter.bool("header").defaultValue(true)
            .description("whether the first record holds column names").build();
    static final Parameter<String> X = Parameter.string("x").defaultValue("")
            .description("columns of view x (names or indices, e.g. 'a, b' or '0-3'); empty = all other columns").build();
    static final Parameter<String> Y = Parameter.string("y").defaultValue("")
            .description("columns of view y; empty = no y view").build();
    static final Parameter<String> LABEL = Parameter.string("label").defaultValue("")
            .description("column holding class labels (view 'label'); empty = none").build();
    static final Parameter<Integer> LIMIT = Parameter.integer("limit").defaultValue(Integer.MAX_VALUE).min(1)
            .description("read at most this many records").build();

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("csv-file", "Numeric columns of a CSV file (gzip allowed) as views x, y and label.",
                PATH, HEADER, X, Y, LABEL, LIMIT);
    }

    @Override
    public Set<String> declaredViews(ParameterValues p) {
        Set<String> v = new java.util.LinkedHashSet<>(List.of("x"));
        if (!p.get(Y).isBlank()) {
            v.add("y");
        }
        if (!p.get(LABEL).isBlank()) {
            v.add("label");
        }
        return v;
    }

    @Override
    public Dataset load(RunContext ctx) {
        Path path = Path.of(ctx.param(PATH));
        boolean header = ctx.param(HEADER);
        try (Reader r = new InputStreamReader(Sources.open(path), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get().parse(r)) {
            return read(parser.iterator(), header, ctx, path);
        } catch (IOException | IllegalStateException e) {
            throw new InvalidDataException(path + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new InvalidDataException(path + ": " + e.getCause().getMessage());
        }
    }

    /** Lays out the columns from the first record, then reads the records that hold data. */
    private static Dataset read(Iterator<CSVRecord> it, boolean header, RunContext ctx, Path path) {
        if (!it.hasNext()) {
            throw new InvalidDataException(path + ": the file is empty");
        }
        CSVRecord first = it.next();
        Layout layout = Layout.of(first, header, ctx, path);
        CSVRecord start = header ? (it.hasNext() ? it.next() : null) : first;
        return layout.read(start, it, ctx.param(LIMIT), path);
    }

    /**
     * Which columns make which view.
     *
     * @param names column names (from the header, or c0, c1, ...)
     * @param xs    the x columns
     * @param ys    the y columns (may be empty)
     * @param label the label column (empty or one)
     */
    private record Layout(List<String> names, List<Integer> xs, List<Integer> ys, List<Integer> label) {

        /** From the first record and the x, y and label parameters; x defaults to every other column. */
        static Layout of(CSVRecord first, boolean header, RunContext ctx, Path path) {
            List<String> names = columnNames(first, header, path);
            List<Integer> ys = Columns.select(ctx.param(Y), names, Y.name());
            List<Integer> label = Columns.select(ctx.param(LABEL), names, LABEL.name());
            List<Integer> xs = Columns.select(ctx.param(X), names, X.name());
            if (xs.isEmpty()) {
                addOtherColumns(xs, names.size(), ys, label);
            }
            return new Layout(names, xs, ys, label);
        }

        /** The header's names, or c0, c1, ... without one; names must be unique. */
        private static List<String> columnNames(CSVRecord first, boolean header, Path path) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < first.size(); i++) {
                String name = header ? first.get(i) : "c" + i;
                if (names.contains(name)) {
                    throw new InvalidDataException(path + ":1: the header names column '" + name + "' twice; "
                            + "column names must be unique (rename one, or read by index with header: false)");
                }
                names.add(name);
            }
            return names;
        }

        /** Adds to {@code xs} every column that is neither a y column nor the label. */
        private static void addOtherColumns(List<Integer> xs, int columns, List<Integer> ys, List<Integer> label) {
            for (int i = 0; i < columns; i++) {
                if (!ys.contains(i) && !label.contains(i)) {
                    xs.add(i);
                }
            }
        }

        /** Reads up to {@code limit} records, from {@code start} on, into the views. */
        Dataset read(CSVRecord start, Iterator<CSVRecord> it, int limit, Path path) {
            Growable gx = new Growable(xs.size());
            Growable gy = new Growable(Math.max(1, ys.size()));
            Growable gl = new Growable(1);
            int n = 0;
            for (CSVRecord rec = start; rec != null && n < limit; rec = it.hasNext() ? it.next() : null) {
                addRecord(rec, gx, gy, gl, path);
                n++;
            }
            return dataset(n, gx, gy, gl, path);
        }

        /** Appends one record's x, y and label values, checking its number of fields. */
        private void addRecord(CSVRecord rec, Growable gx, Growable gy, Growable gl, Path path) {
            if (rec.size() != names.size()) {
                throw new InvalidDataException(path + ": line " + rec.getParser().getCurrentLineNumber() + " has "
                        + rec.size() + " fields, expected " + names.size());
            }
            add(gx, rec, xs, names, path);
            add(gy, rec, ys, names, path);
            add(gl, rec, label.isEmpty() ? List.of() : label.subList(0, 1), names, path);
        }

        /** The views x, y (when there are y columns) and label (when there is a label) of {@code n} records. */
        private Dataset dataset(int n, Growable gx, Growable gy, Growable gl, Path path) {
            Dataset.Builder b = Dataset.builder(path.getFileName().toString()).metadata("path", path.toString());
            b.view("x", Samples.wrap(n, xs.size(), gx.trim(), pick(names, xs)));
            if (!ys.isEmpty()) {
                b.view("y", Samples.wrap(n, ys.size(), gy.trim(), pick(names, ys)));
            }
            if (!label.isEmpty()) {
                b.view("label", Samples.wrap(n, 1, gl.trim(), List.of("label")));
            }
            return b.build();
        }
    }

    private static void add(Growable g, CSVRecord rec, List<Integer> cols, List<String> names, Path path) {
        for (int c : cols) {
            String cell = rec.get(c);
            try {
                g.add(Double.parseDouble(cell));
            } catch (NumberFormatException e) {
                throw new InvalidDataException(path + ": line " + rec.getParser().getCurrentLineNumber() + ", column '"
                        + names.get(c) + "': '" + cell + "' is not a number");
            }
        }
    }

    private static List<String> pick(List<String> names, List<Integer> idx) {
        List<String> out = new ArrayList<>();
        idx.forEach(i -> out.add(names.get(i)));
        return out;
    }

    /** A growable double array. */
    static final class Growable {
        private double[] data;
        private int size;

        Growable(int width) {
            data = new double[Math.max(16, width * 1024)];
        }

        void add(double v) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, data.length * 2);
            }
            data[size++] = v;
        }

        double[] trim() {
            return size == data.length ? data : java.util.Arrays.copyOf(data, size);
        }
    }
}
