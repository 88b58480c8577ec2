package org.milab.plugins.infoplane.capture;

import java.util.List;
import org.milab.api.data.Dataset;
import org.milab.api.data.Samples;

/** A small deterministic classification task: all 8-bit patterns, labelled 1 when at least four bits are on. */
public final class TinyTask {

    private TinyTask() {
    }

    public static Dataset eightBit() {
        int bits = 8;
        int n = 1 << bits;
        double[] x = new double[n * bits];
        double[] y = new double[n];
        for (int r = 0; r < n; r++) {
            for (int b = 0; b < bits; b++) {
                x[r * bits + b] = (r >> b) & 1;
            }
            y[r] = Integer.bitCount(r) >= 4 ? 1 : 0;
        }
        return Dataset.builder("eight-bit").view("x", Samples.wrap(n, bits, x, Samples.names("b", bits)))
                .view("label", Samples.wrap(n, 1, y, List.of("label"))).build();
    }
}
