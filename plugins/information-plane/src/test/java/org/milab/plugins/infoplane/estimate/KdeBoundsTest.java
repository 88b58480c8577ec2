package org.milab.plugins.infoplane.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimator;
import org.milab.api.testkit.TestRunContext;

/** The Kolchinsky-Tracey bounds against closed forms, for both estimators (their contracts are in their own tests). */
class KdeBoundsTest {

    static double mi(Estimator e, Samples t, Samples y, Map<String, Object> params) {
        return e.estimate(t, y, TestRunContext.of(e, 1, params)).nats();
    }

    private static Samples gaussian(int n, int d, double sd, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n * d];
        for (int i = 0; i < v.length; i++) {
            double u1 = rng.nextDouble();
            double u2 = rng.nextDouble();
            v[i] = sd * Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
        }
        return Samples.wrap(n, d, v, Samples.names("h", d));
    }

    private static Samples rowIds(int n) {
        return Patterns.column(n, r -> r);
    }

    @Test
    void theBoundsBracketTheGaussianChannel() {
        // T = h + e with h ~ N(0, I_2), e ~ N(0, 0.1 I_2): I(h;T) = (d/2) ln(1 + 1/0.1) = ln 11 = 2.398 nats
        int n = 3000;
        Samples h = gaussian(n, 2, 1, 7);
        double truth = Math.log(11);
        Map<String, Object> p = Map.of("noise-variance", 0.1);
        double upper = mi(new KdeUpper(), h, rowIds(n), p);
        double lower = mi(new KdeLower(), h, rowIds(n), p);
        assertTrue(lower < truth && truth < upper, lower + " < " + truth + " < " + upper);
        // where the rows are dense on the noise scale the two sums are smoothings at widths sigma and 2 sigma, so the
        // gap approaches (d/2) ln 4 = 1.386 nats for d = 2 from below
        assertTrue(upper - lower > 0 && upper - lower < Math.log(4), "gap " + (upper - lower));
    }

    @Test
    void separatedClassesCarryOneBit() {
        // two classes at -3 and +3 with spread 0.05 and noise variance 0.01: I(T;Y) = H(Y) = ln 2
        int n = 400;
        Samples h = gaussian(n, 1, 0.05, 3);
        double[] t = h.toRowMajor();
        double[] y = new double[n];
        for (int r = 0; r < n; r++) {
            y[r] = r % 2;
            t[r] += y[r] == 1 ? 3 : -3;
        }
        Samples layer = Samples.wrap(n, 1, t, List.of("t"));
        Samples label = Samples.wrap(n, 1, y, List.of("y"));
        Map<String, Object> p = Map.of("noise-variance", 0.01);
        assertEquals(Math.log(2), mi(new KdeUpper(), layer, label, p), 1e-6);
        assertEquals(Math.log(2), mi(new KdeLower(), layer, label, p), 1e-6);
    }

    @Test
    void aLayerIndependentOfTheLabelCarriesAboutNothing() {
        int n = 1000;
        Samples h = gaussian(n, 2, 1, 11);
        Samples label = Patterns.column(n, r -> r % 2);
        double upper = mi(new KdeUpper(), h, label, Map.of("noise-variance", 0.1));
        assertEquals(0, upper, 0.05, "no dependence");
    }

    @Test
    void farApartRowsSaturateAtLnN() {
        // rows 100 noise widths apart: every kernel but the own one vanishes, I(X;T) = ln n for both bounds
        int n = 64;
        Samples h = Patterns.column(n, r -> 100.0 * r);
        assertEquals(Math.log(n), mi(new KdeUpper(), h, rowIds(n), Map.of("noise-variance", 1.0)), 1e-9);
        assertEquals(Math.log(n), mi(new KdeLower(), h, rowIds(n), Map.of("noise-variance", 1.0)), 1e-9);
    }

    @Test
    void adaptiveKdeIgnoresTheLayersScale() {
        int n = 500;
        Samples h = gaussian(n, 3, 1, 5);
        double[] big = h.toRowMajor();
        for (int i = 0; i < big.length; i++) {
            big[i] *= 40;
        }
        Samples scaled = Samples.wrap(n, 3, big, h.columnNames());
        Samples label = Patterns.column(n, r -> r % 3);
        double a = mi(new AdaptiveKde(), h, rowIds(n), Map.of());
        double b = mi(new AdaptiveKde(), scaled, rowIds(n), Map.of());
        assertEquals(a, b, 1e-9 * Math.abs(a));
        assertEquals(mi(new AdaptiveKde(), h, label, Map.of()), mi(new AdaptiveKde(), scaled, label, Map.of()), 1e-9);
        // and the fixed-noise bound does not: the scaled layer looks far more informative
        assertTrue(mi(new KdeUpper(), scaled, rowIds(n), Map.of()) > mi(new KdeUpper(), h, rowIds(n), Map.of()) + 1);
    }
}
