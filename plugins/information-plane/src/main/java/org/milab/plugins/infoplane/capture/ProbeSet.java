package org.milab.plugins.infoplane.capture;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.milab.api.InvalidDataException;
import org.milab.api.data.Dataset;
import org.milab.api.data.Samples;

/**
 * The rows a capture trains on and probes: the input view as float32, the target as class ids 0..K-1 (the distinct
 * target values in ascending order), the probe rows (the first {@code probe} rows, all by default) and, per seed, a
 * random training subset.
 */
final class ProbeSet {

    private final Samples x;
    private final Samples target;
    private final float[] values;
    private final int[] classes;
    private final int classCount;
    private final int probe;

    private ProbeSet(Samples x, Samples target, int[] classes, int classCount, int probe) {
        this.x = x;
        this.target = target;
        this.classes = classes;
        this.classCount = classCount;
        this.probe = probe;
        double[] v = x.toRowMajor();
        values = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            values[i] = (float) v[i];
        }
    }

    /**
     * Reads the views; the target must be one column.
     *
     * @throws InvalidDataException naming the view at fault
     */
    static ProbeSet of(Dataset d, String input, String targetView, int probeRows) {
        Samples x = d.view(input).requireFinite("view '" + input + "'");
        Samples t = d.view(targetView).requireFinite("view '" + targetView + "'");
        requireOneColumn(t, targetView);
        double[] col = t.column(0);
        double[] levels = classLevels(col, targetView);
        int[] ids = new int[col.length];
        for (int i = 0; i < col.length; i++) {
            ids[i] = Arrays.binarySearch(levels, col[i]);
        }
        int probe = probeRows <= 0 ? x.rows() : Math.min(probeRows, x.rows());
        return new ProbeSet(x, t, ids, levels.length, probe);
    }

    private static void requireOneColumn(Samples t, String targetView) {
        if (t.cols() != 1) {
            throw new InvalidDataException("view '" + targetView + "' has " + t.cols() + " columns; the target of "
                    + "capture-training is one column of class values");
        }
    }

    /** The distinct class values, ascending; at least two. */
    private static double[] classLevels(double[] col, String targetView) {
        double[] levels = new TreeSet<>(Arrays.stream(col).boxed().toList()).stream().mapToDouble(Double::doubleValue)
                .toArray();
        if (levels.length < 2) {
            throw new InvalidDataException("view '" + targetView + "' holds one class only; a classifier needs two");
        }
        return levels;
    }

    int rows() {
        return x.rows();
    }

    int cols() {
        return x.cols();
    }

    int classCount() {
        return classCount;
    }

    int probeRows() {
        return probe;
    }

    /** The probe inputs. */
    Samples probeX() {
        return x.selectRows(firstRows(probe));
    }

    /** The probe targets. */
    Samples probeY() {
        return target.selectRows(firstRows(probe));
    }

    /** A random {@code fraction} of the rows, drawn with {@code seed}. */
    int[] trainingRows(double fraction, long seed) {
        int[] all = firstRows(x.rows());
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = all.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, Math.max(1, (int) Math.round(fraction * all.length)));
    }

    /** The inputs of {@code rows} as a (rows, cols) array in {@code m}. */
    NDArray inputs(int[] rows, NDManager m) {
        int d = x.cols();
        float[] out = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(values, rows[i] * d, out, i * d, d);
        }
        return m.create(out, new Shape(rows.length, d));
    }

    /** The class ids of {@code rows} in {@code m}. */
    NDArray labels(int[] rows, NDManager m) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = classes[rows[i]];
        }
        return m.create(out);
    }

    static int[] firstRows(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }
}
