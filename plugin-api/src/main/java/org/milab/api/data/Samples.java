package org.milab.api.data;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.milab.api.InvalidDataException;

/**
 * An immutable dense matrix of {@code n} samples (rows) by {@code d} named columns, stored row-major in one
 * {@code double[]}. Classical estimators read it directly through {@link #get(int, int)} or copy the columns they
 * need with {@link #column(int)}; nothing is boxed.
 */
public final class Samples {

    private final int rows;
    private final int cols;
    private final double[] values;
    private final List<String> names;

    private Samples(int rows, int cols, double[] values, List<String> names) {
        if (rows < 0 || cols < 1) {
            throw new IllegalArgumentException("samples need at least one column, got " + rows + "x" + cols);
        }
        if ((long) rows * cols != values.length) {
            throw new IllegalArgumentException("expected " + ((long) rows * cols) + " values for " + rows + "x" + cols
                    + ", got " + values.length);
        }
        if (names.size() != cols) {
            throw new IllegalArgumentException("expected " + cols + " column names, got " + names.size());
        }
        this.rows = rows;
        this.cols = cols;
        this.values = values;
        this.names = List.copyOf(names);
    }

    /**
     * Wraps a row-major array without copying. The caller hands the array over and must not change it afterwards.
     */
    public static Samples wrap(int rows, int cols, double[] rowMajor, List<String> columnNames) {
        return new Samples(rows, cols, Objects.requireNonNull(rowMajor, "rowMajor"), columnNames);
    }

    /** Copies column arrays (all of one length) into a new matrix. */
    public static Samples ofColumns(List<String> columnNames, double[]... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("at least one column is needed");
        }
        int n = columns[0].length;
        double[] v = new double[n * columns.length];
        for (int c = 0; c < columns.length; c++) {
            if (columns[c].length != n) {
                throw new IllegalArgumentException("column " + c + " has " + columns[c].length + " rows, expected " + n);
            }
            for (int r = 0; r < n; r++) {
                v[r * columns.length + c] = columns[c][r];
            }
        }
        return new Samples(n, columns.length, v, columnNames);
    }

    /** Column names {@code prefix0, prefix1, ...}. */
    public static List<String> names(String prefix, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(prefix + i);
        }
        return out;
    }

    /** Number of samples. */
    public int rows() {
        return rows;
    }

    /** Number of columns (dimensions). */
    public int cols() {
        return cols;
    }

    /** Column names. */
    public List<String> columnNames() {
        return names;
    }

    /** One value. */
    public double get(int row, int col) {
        return values[row * cols + col];
    }

    /** A copy of one column. */
    public double[] column(int col) {
        Objects.checkIndex(col, cols);
        double[] out = new double[rows];
        for (int r = 0, i = col; r < rows; r++, i += cols) {
            out[r] = values[i];
        }
        return out;
    }

    /** A copy of one row. */
    public double[] row(int row) {
        Objects.checkIndex(row, rows);
        double[] out = new double[cols];
        System.arraycopy(values, row * cols, out, 0, cols);
        return out;
    }

    /** A copy of all values, row-major. */
    public double[] toRowMajor() {
        return values.clone();
    }

    /** The columns with the given names, in that order. */
    public Samples selectColumns(List<String> columnNames) {
        int[] picked = columnIndices(columnNames);
        double[] v = new double[rows * picked.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < picked.length; c++) {
                v[r * picked.length + c] = values[r * cols + picked[c]];
            }
        }
        return new Samples(rows, picked.length, v, columnNames);
    }

    /** The index of each named column. */
    private int[] columnIndices(List<String> columnNames) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < cols; i++) {
            index.put(names.get(i), i);
        }
        int[] picked = new int[columnNames.size()];
        for (int i = 0; i < picked.length; i++) {
            Integer at = index.get(columnNames.get(i));
            if (at == null) {
                throw new InvalidDataException("no column '" + columnNames.get(i) + "'; columns are " + names);
            }
            picked[i] = at;
        }
        return picked;
    }

    /** The rows at the given indices, in that order (indices may repeat, as in a bootstrap resample). */
    public Samples selectRows(int[] rowIndices) {
        double[] v = new double[rowIndices.length * cols];
        for (int i = 0; i < rowIndices.length; i++) {
            System.arraycopy(values, Objects.checkIndex(rowIndices[i], rows) * cols, v, i * cols, cols);
        }
        return new Samples(rowIndices.length, cols, v, names);
    }

    /** This matrix and {@code other} side by side (same number of rows). */
    public Samples withColumnsOf(Samples other) {
        if (other.rows != rows) {
            throw new InvalidDataException("cannot join " + rows + " rows with " + other.rows + " rows");
        }
        int c2 = cols + other.cols;
        double[] v = new double[rows * c2];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(values, r * cols, v, r * c2, cols);
            System.arraycopy(other.values, r * other.cols, v, r * c2 + cols, other.cols);
        }
        List<String> joined = new ArrayList<>(names);
        joined.addAll(other.names);
        return new Samples(rows, c2, v, joined);
    }

    /**
     * Checks every value is finite.
     *
     * @throws InvalidDataException naming the first offending row (0-based) and column
     */
    public Samples requireFinite(String what) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new InvalidDataException(what + ": value " + values[i] + " at row " + (i / cols) + ", column '"
                        + names.get(i % cols) + "'; estimators need finite numbers (remove or impute such rows)");
            }
        }
        return this;
    }

    /** SHA-256 of the shape and values, hex; identifies the data in provenance. */
    public String fingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            digestShapeAndValues(md);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** Feeds rows, cols and every value (big-endian) to {@code md}, through an 8 KiB buffer. */
    private void digestShapeAndValues(MessageDigest md) {
        ByteBuffer buf = ByteBuffer.allocate(8 * 1024);
        buf.putInt(rows).putInt(cols);
        for (double v : values) {
            if (buf.remaining() < 8) {
                md.update(buf.flip());
                buf.clear();
            }
            buf.putDouble(v);
        }
        md.update(buf.flip());
    }

    @Override
    public String toString() {
        return "Samples[" + rows + "x" + cols + " " + names + "]";
    }
}
