package org.milab.plugins.classic.knn;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The single-precision prefilter's threshold never rejects a point the double-precision test accepts. */
class FloatColumnsTest {

    @Property(tries = 200)
    void thresholdNeverRejectsAPointInside(@ForAll @IntRange(min = -40, max = 40) int scale, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double size = Math.scalb(1.0, scale);
        double[] cols = new double[64];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = (random.nextDouble() * 2 - 1) * size;
        }
        FloatColumns f = FloatColumns.of(cols);
        for (int i = 0; i < cols.length; i++) {
            for (int j = 0; j < cols.length; j++) {
                double exact = Math.abs(cols[i] - cols[j]);
                float approx = Math.abs((float) cols[i] - (float) cols[j]);
                for (double r : new double[] {exact, Math.nextUp(exact), exact * (1 + 1e-7), exact * (1 - 1e-7)}) {
                    assertTrue(!(exact < r) || approx < f.threshold(r), "a point inside must pass the prefilter");
                }
            }
        }
    }

    @Test
    void hugeValuesGetNoCopy() {
        assertNull(FloatColumns.of(new double[] {1, 0x1p101}));
    }
}
