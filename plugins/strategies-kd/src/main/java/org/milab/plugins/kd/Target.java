package org.milab.plugins.kd;

import java.util.Arrays;
import java.util.TreeSet;
import org.milab.api.InvalidDataException;
import org.milab.api.data.Samples;

/**
 * The training target: class indices 0..K-1 (classification; each distinct value of the one label column is a
 * class, in increasing order) or real values (regression).
 *
 * @param classes number of classes, 0 for regression
 * @param index   class index per row (classification)
 * @param value   target value per row
 */
record Target(int classes, int[] index, float[] value) {

    /** Reads a one-column label view. */
    static Target of(Samples label, boolean classification, String view) {
        if (label.cols() != 1) {
            throw new InvalidDataException("target view '" + view + "' has " + label.cols() + " columns; a training "
                    + "target is one column (class labels or a real value)");
        }
        label.requireFinite("target view '" + view + "'");
        double[] v = label.column(0);
        float[] value = floats(v);
        if (!classification) {
            return new Target(0, new int[0], value);
        }
        double[] classes = classValues(v, view);
        return new Target(classes.length, classIndices(v, classes), value);
    }

    private static float[] floats(double[] v) {
        float[] value = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            value[i] = (float) v[i];
        }
        return value;
    }

    /** The distinct values of {@code v}, increasing: one per class. */
    private static double[] classValues(double[] v, String view) {
        TreeSet<Double> distinct = new TreeSet<>();
        for (double x : v) {
            distinct.add(x);
        }
        if (distinct.size() < 2 || distinct.size() > 10_000) {
            throw new InvalidDataException("target view '" + view + "' has " + distinct.size() + " distinct values; "
                    + "classification needs 2 to 10000 classes (use task: regression for a real target)");
        }
        return distinct.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The class index of each value: its position among the sorted {@code classes}. */
    private static int[] classIndices(double[] v, double[] classes) {
        int[] index = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            index[i] = Arrays.binarySearch(classes, v[i]);
        }
        return index;
    }

    boolean classification() {
        return classes > 0;
    }

    /** Output units a model needs: the number of classes, or 1. */
    int outputs() {
        return classification() ? classes : 1;
    }
}
