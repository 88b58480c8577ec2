package org.milab.plugins.energy;

import org.milab.api.InvalidDataException;
import org.milab.api.RunContext;
import org.milab.api.data.Dataset;
import org.milab.api.data.Samples;
import org.milab.api.param.Parameter;

/**
 * The rows an energy model is trained on: one view, every value required in [0, 1] (pixel intensities, bits), binarised
 * at {@code threshold} (1 when above it) unless the threshold is negative, when the values are kept as probabilities.
 *
 * @param values row-major values
 * @param rows   rows
 * @param cols   columns (visible units)
 */
public record TrainingData(double[] values, int rows, int cols) {

    public static final Parameter<String> INPUT = Parameter.string("input").defaultValue("x")
            .description("the view to model; values in [0, 1]").build();
    public static final Parameter<Double> THRESHOLD = Parameter.real("binarise").defaultValue(0.5).max(1)
            .description("values above this become 1, others 0; negative keeps the values as probabilities").build();
    public static final Parameter<Integer> LIMIT = Parameter.integer("limit").defaultValue(Integer.MAX_VALUE).min(2)
            .description("use at most this many rows (the first ones)").build();

    /**
     * Reads the view named by {@link #INPUT}.
     *
     * @throws InvalidDataException naming the view, row and column of a value outside [0, 1]
     */
    public static TrainingData of(Dataset d, RunContext ctx) {
        String view = ctx.param(INPUT);
        Samples s = d.view(view).requireFinite("view '" + view + "'");
        int rows = Math.min(s.rows(), ctx.param(LIMIT));
        double t = ctx.param(THRESHOLD);
        double[] v = new double[rows * s.cols()];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < s.cols(); c++) {
                v[r * s.cols() + c] = binarised(unitValue(s, r, c, view), t);
            }
        }
        return new TrainingData(v, rows, s.cols());
    }

    /** The value at row r, column c, which must lie in [0, 1]. */
    private static double unitValue(Samples s, int r, int c, String view) {
        double x = s.get(r, c);
        if (x < 0 || x > 1) {
            throw new InvalidDataException("view '" + view + "', row " + r + ", column '"
                    + s.columnNames().get(c) + "': " + x + " is outside [0, 1]; energy models read bits or "
                    + "probabilities (image-dataset scales pixels to [0, 1])");
        }
        return x;
    }

    /** 1 above the threshold {@code t}, else 0; {@code x} itself when {@code t} is negative. */
    private static double binarised(double x, double t) {
        return t < 0 ? x : (x > t ? 1 : 0);
    }
}
