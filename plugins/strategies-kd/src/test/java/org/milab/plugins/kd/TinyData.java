package org.milab.plugins.kd;

import java.util.List;
import java.util.SplittableRandom;
import org.milab.api.data.Dataset;
import org.milab.api.data.Samples;

/** Small two-view classification data for the tests, generated from a seed. */
final class TinyData {

    private TinyData() {
    }

    /**
     * n rows: a latent z ~ N(0, I_2), label 1[z_1 + z_2 > 0], view x1 = z + 0.2 noise (the clean teacher view),
     * x2 = [z_1 + studentNoise e_1, z_2 + studentNoise e_2, e_3] (a noisier student view with a useless column).
     */
    static Dataset twoViews(int n, double studentNoise, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x1 = new double[n * 2];
        double[] x2 = new double[n * 3];
        double[] label = new double[n];
        for (int i = 0; i < n; i++) {
            double z1 = rng.nextGaussian();
            double z2 = rng.nextGaussian();
            label[i] = z1 + z2 > 0 ? 1 : 0;
            x1[2 * i] = z1 + 0.2 * rng.nextGaussian();
            x1[2 * i + 1] = z2 + 0.2 * rng.nextGaussian();
            x2[3 * i] = z1 + studentNoise * rng.nextGaussian();
            x2[3 * i + 1] = z2 + studentNoise * rng.nextGaussian();
            x2[3 * i + 2] = rng.nextGaussian();
        }
        return Dataset.builder("tiny")
                .view("x1", Samples.wrap(n, 2, x1, Samples.names("x1-", 2)))
                .view("x2", Samples.wrap(n, 3, x2, Samples.names("x2-", 3)))
                .view("label", Samples.wrap(n, 1, label, List.of("label")))
                .build();
    }
}
