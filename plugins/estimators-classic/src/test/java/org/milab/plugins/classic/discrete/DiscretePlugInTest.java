package org.milab.plugins.classic.discrete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.milab.api.InvalidDataException;
import org.milab.api.MilabExtension;
import org.milab.api.data.Samples;
import org.milab.api.testkit.ExtensionContract;
import org.milab.api.testkit.TestRunContext;

class DiscretePlugInTest implements ExtensionContract {

    private final DiscretePlugIn plugIn = new DiscretePlugIn();

    @Override
    public MilabExtension extension() {
        return plugIn;
    }

    private double mi(Samples x, Samples y, String correction) {
        try (TestRunContext ctx = TestRunContext.of(plugIn, 1, Map.of("correction", correction))) {
            return plugIn.estimate(x, y, ctx).nats();
        }
    }

    private static Samples col(String name, double... v) {
        return Samples.ofColumns(java.util.List.of(name), v);
    }

    /** Hand-computed: x = y = (0, 0, 1, 1): plug-in log 2; Miller–Madow adds (2 + 2 - 2 - 1)/(2 * 4) = 1/8. */
    @Test
    void exactOnASmallTable() {
        Samples x = col("x", 0, 0, 1, 1);
        Samples y = col("y", 5, 5, 7, 7);
        assertEquals(Math.log(2), mi(x, y, "none"), 1e-15);
        assertEquals(Math.log(2) + 0.125, mi(x, y, "miller-madow"), 1e-15);
    }

    /**
     * Binary symmetric channel, flip probability 0.1, n = 20000: I = log 2 - H_b(0.1) = 0.368. The plug-in's
     * standard deviation here is about sqrt(var log-ratio / n) ≈ 0.005; allowed 0.02.
     */
    @Test
    void recoversChannelMi() {
        SplittableRandom r = new SplittableRandom(2);
        int n = 20000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextInt(2);
            y[i] = r.nextDouble() < 0.1 ? 1 - x[i] : x[i];
        }
        double hb = -(0.1 * Math.log(0.1) + 0.9 * Math.log(0.9));
        assertEquals(Math.log(2) - hb, mi(col("x", x), col("y", y), "miller-madow"), 0.02);
    }

    /**
     * Independent 4 x 4 labels, n = 500, 40 replicates: 2n·Î(plug-in) is asymptotically chi-square with 9 degrees
     * of freedom, so the plug-in mean is 9/(2n) = 0.009 with a standard error over 40 replicates of
     * sqrt(18)/(2n)/sqrt(40) = 0.0007; Miller–Madow removes that bias. Allowed 4 standard errors (0.003).
     */
    @Test
    void millerMadowRemovesTheFirstOrderBias() {
        SplittableRandom r = new SplittableRandom(3);
        double plain = 0;
        double corrected = 0;
        int reps = 40;
        for (int rep = 0; rep < reps; rep++) {
            double[] x = new double[500];
            double[] y = new double[500];
            for (int i = 0; i < 500; i++) {
                x[i] = r.nextInt(4);
                y[i] = r.nextInt(4);
            }
            plain += mi(col("x", x), col("y", y), "none") / reps;
            corrected += mi(col("x", x), col("y", y), "miller-madow") / reps;
        }
        assertEquals(0.009, plain, 0.003);
        assertEquals(0.0, corrected, 0.003);
    }

    @Test
    void rejectsNaNAndUnpaired() {
        assertThrows(InvalidDataException.class, () -> mi(col("x", 0, Double.NaN), col("y", 0, 1), "none"));
        assertThrows(InvalidDataException.class, () -> mi(col("x", 0, 1, 2), col("y", 0, 1), "none"));
    }

    /** Constant labels are legitimate discrete data: the MI is exactly 0. */
    @Test
    void constantIsZero() {
        assertEquals(0.0, mi(col("x", 3, 3, 3), col("y", 0, 1, 2), "miller-madow"), 0.0);
    }

    @Property(tries = 30)
    void symmetricPermutationInvariantNonNegative(@ForAll @IntRange(min = 2, max = 200) int n, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextInt(5);
            y[i] = (x[i] + r.nextInt(3)) % 5;
        }
        double forward = mi(col("x", x), col("y", y), "none");
        assertTrue(forward >= -1e-12, "the uncorrected plug-in MI is a KL divergence, hence >= 0");
        assertEquals(forward, mi(col("y", y), col("x", x), "none"), 1e-12);
        double[] px = new double[n];
        double[] py = new double[n];
        int[] p = org.milab.plugins.classic.Synthetic.permutation(n, seed);
        for (int i = 0; i < n; i++) {
            px[i] = x[p[i]];
            py[i] = y[p[i]];
        }
        assertEquals(forward, mi(col("x", px), col("y", py), "none"), 1e-12);
    }
}
