package org.milab.plugins.classic.common;

import org.milab.api.InvalidDataException;
import org.milab.api.data.Samples;

/** Input checks every estimator of this plugin runs before any arithmetic, so that bad data never yields NaN. */
public final class DataChecks {

    private DataChecks() {
    }

    /**
     * Checks that {@code s} has at least {@code minRows} rows, only finite values and no constant column.
     *
     * @param s       the samples
     * @param port    the name of the input (x, y, z) for messages
     * @param minRows the fewest rows the method can work with
     * @param why     why that many rows are needed, e.g. {@code "k + 1 with k = 3"}
     * @throws InvalidDataException naming the input, row, column or size at fault
     */
    public static void requireContinuous(Samples s, String port, int minRows, String why) {
        requireRows(s, port, minRows, why);
        s.requireFinite("input '" + port + "'");
        for (int c = 0; c < s.cols(); c++) {
            if (!varies(s, c)) {
                throw new InvalidDataException("input '" + port + "': column '" + s.columnNames().get(c)
                        + "' is constant (every row is " + s.get(0, c) + "); a constant carries no information and "
                        + "this estimator needs variation in every column: drop the column");
            }
        }
    }

    /** Whether column {@code c} holds more than one value. */
    private static boolean varies(Samples s, int c) {
        double first = s.get(0, c);
        for (int r = 1; r < s.rows(); r++) {
            if (s.get(r, c) != first) {
                return true;
            }
        }
        return false;
    }

    /** Checks the row count only. */
    public static void requireRows(Samples s, String port, int minRows, String why) {
        if (s.rows() < minRows) {
            throw new InvalidDataException("input '" + port + "' has " + s.rows() + " rows; this estimator needs at "
                    + "least " + minRows + " (" + why + ")");
        }
    }

    /** Checks that paired inputs have the same number of rows. */
    public static void requirePaired(Samples a, String portA, Samples b, String portB) {
        if (a.rows() != b.rows()) {
            throw new InvalidDataException("inputs '" + portA + "' and '" + portB + "' must be paired row by row, but '"
                    + portA + "' has " + a.rows() + " rows and '" + portB + "' has " + b.rows());
        }
    }

    /**
     * Checks discrete inputs: {@code x} and {@code y} paired row by row, {@code x} with at least {@code minRows} rows,
     * every value finite (constant columns allowed), in that order.
     */
    public static void requirePairedFinite(Samples x, Samples y, int minRows, String why) {
        requirePaired(x, "x", y, "y");
        requireRows(x, "x", minRows, why);
        requireFinite(x, "x");
        requireFinite(y, "y");
    }

    /** Checks every value is finite (discrete data may be constant). */
    public static void requireFinite(Samples s, String port) {
        s.requireFinite("input '" + port + "'");
    }
}
