package org.milab.plugins.classic.discrete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimator;
import org.milab.api.testkit.EstimatorContract;
import org.milab.api.testkit.KnownTruth;
import org.milab.api.testkit.TestRunContext;

class DiscretePlugInTest implements EstimatorContract {

    private final DiscretePlugIn plugIn = new DiscretePlugIn();

    @Override
    public Estimator estimator() {
        return plugIn;
    }

    /**
     * Binary symmetric channel, flip probability 0.1, n = 20000: I = log 2 - H_b(0.1) = 0.368. The plug-in's
     * standard deviation here is about sqrt(var log-ratio / n) ≈ 0.005; allowed 0.02.
     */
    @Override
    public KnownTruth knownTruth() {
        SplittableRandom r = new SplittableRandom(2);
        int n = 20000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextInt(2);
            y[i] = r.nextDouble() < 0.1 ? 1 - x[i] : x[i];
        }
        double hb = -(0.1 * Math.log(0.1) + 0.9 * Math.log(0.9));
        return new KnownTruth(col("x", x), col("y", y), Math.log(2) - hb, 0.02, "closed form, binary channel");
    }

    /** Symbols 0..4, y = x + U{0, 1, 2} mod 5 (I = log 5 - log 3 = 0.51 nats). */
    @Override
    public Samples[] dependentPair(int n, long seed) {
        return symbols(n, seed, true);
    }

    @Override
    public Samples[] independentPair(int n, long seed) {
        return symbols(n, seed, false);
    }

    /** Contract runs on 2000 rows: the Miller-Madow-corrected estimate of 25 cells then has sd ≈ 0.003; 0.02. */
    @Override
    public int contractRows() {
        return 2000;
    }

    /** One sample is legitimate discrete data (I = 0, as {@link #constantIsZero()}); none is not. */
    @Override
    public int tooFewRows() {
        return 0;
    }

    private static Samples[] symbols(int n, long seed, boolean dependent) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextInt(5);
            y[i] = dependent ? (x[i] + r.nextInt(3)) % 5 : r.nextInt(5);
        }
        return new Samples[] {col("x", x), col("y", y)};
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

    /** Constant labels are legitimate discrete data: the MI is exactly 0. */
    @Test
    void constantIsZero() {
        assertEquals(0.0, mi(col("x", 3, 3, 3), col("y", 0, 1, 2), "miller-madow"), 0.0);
    }

    @Property(tries = 30)
    void uncorrectedIsNonNegative(@ForAll @IntRange(min = 2, max = 200) int n, @ForAll long seed) {
        Samples[] xy = symbols(n, seed, true);
        assertTrue(mi(xy[0], xy[1], "none") >= -1e-12, "the uncorrected plug-in MI is a KL divergence, hence >= 0");
    }
}
