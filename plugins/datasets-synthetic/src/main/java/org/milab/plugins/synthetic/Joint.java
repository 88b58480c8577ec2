package org.milab.plugins.synthetic;

import java.util.Objects;
import org.milab.api.data.Dataset;
import org.milab.api.data.Samples;

/**
 * Paired samples of X (n x dx) and Y (n x dy), row-major, as generators produce them before wrapping. The arrays
 * are handed over to {@link Samples#wrap} without copying.
 */
record Joint(int n, int dx, double[] x, int dy, double[] y) {

    Joint {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length != n * dx || y.length != n * dy) {
            throw new IllegalArgumentException("joint sample arrays do not match " + n + "x" + dx + " and " + n + "x" + dy);
        }
    }

    /** X as a view with columns x0, x1, ... */
    Samples xView() {
        return Samples.wrap(n, dx, x, Samples.names("x", dx));
    }

    /** Y as a view with columns y0, y1, ... */
    Samples yView() {
        return Samples.wrap(n, dy, y, Samples.names("y", dy));
    }

    /** A dataset with views {@code x} and {@code y} and the given ground truth I(x;y). */
    Dataset toDataset(String name, double trueMi, String method) {
        return Dataset.builder(name).view("x", xView()).view("y", yView())
                .groundTruth("x", "y", trueMi, method).build();
    }

    /** This sample with {@code fx} applied to each row of X and {@code fy} to each row of Y. */
    Joint map(RowMap fx, RowMap fy) {
        int ox = fx.outDim(dx);
        int oy = fy.outDim(dy);
        return new Joint(n, ox, fx.applyRows(x, n, dx), oy, fy.applyRows(y, n, dy));
    }
}
