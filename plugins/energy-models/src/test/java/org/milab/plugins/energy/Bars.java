package org.milab.plugins.energy;

import java.util.SplittableRandom;
import org.milab.api.data.Dataset;
import org.milab.api.data.Samples;

/** 6 x 6 images holding one horizontal or vertical bar, a classic RBM test set. */
public final class Bars {

    private Bars() {
    }

    public static Dataset of(int rows, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] data = new double[rows * 36];
        for (int r = 0; r < rows; r++) {
            int line = rng.nextInt(6);
            boolean horizontal = rng.nextBoolean();
            for (int p = 0; p < 36; p++) {
                data[r * 36 + p] = (horizontal ? p / 6 : p % 6) == line ? 1 : 0;
            }
        }
        return Dataset.builder("bars").view("x", Samples.wrap(rows, 36, data, Samples.names("p", 36))).build();
    }
}
