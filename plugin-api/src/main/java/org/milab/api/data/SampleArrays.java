package org.milab.api.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/** The one place where {@link Samples} and DJL {@link NDArray}s are converted into each other. */
public final class SampleArrays {

    private SampleArrays() {
    }

    /** A {@code float32} array of shape (rows, cols) owned by {@code manager}. */
    public static NDArray toNDArray(Samples samples, NDManager manager) {
        double[] v = samples.toRowMajor();
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return manager.create(f, new Shape(samples.rows(), samples.cols()));
    }

    /** Copies a 2-D array (any numeric type) into {@link Samples} with the given column names. */
    public static Samples fromNDArray(NDArray array, List<String> columnNames) {
        Shape s = array.getShape();
        if (s.dimension() != 2) {
            throw new IllegalArgumentException("expected a 2-D array, got shape " + s);
        }
        double[] v = array.toType(DataType.FLOAT64, false).toDoubleArray();
        return Samples.wrap((int) s.get(0), (int) s.get(1), v, columnNames);
    }
}
