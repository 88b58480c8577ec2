package org.milab.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.milab.api.ConfigurationException;
import org.milab.plugins.synthetic.Diffeomorphism.Side;

class DiffeomorphismTest {

    private static double apply1(Diffeomorphism d, Side s, double v) {
        double[] out = new double[1];
        d.on(s, 1).apply(new double[] {v}, 0, 1, out, 0);
        return out[0];
    }

    @Test
    void coordinateMapsAreStrictlyIncreasing() {
        for (Diffeomorphism d : new Diffeomorphism[] {Diffeomorphism.HALF_CUBE, Diffeomorphism.ASINH,
                Diffeomorphism.NORMAL_CDF, Diffeomorphism.WIGGLY}) {
            for (Side s : Side.values()) {
                double prev = apply1(d, s, -6);
                for (double v = -5.99; v <= 6; v += 0.01) {
                    double cur = apply1(d, s, v);
                    assertTrue(cur > prev, d + " " + s + " at " + v);
                    prev = cur;
                }
            }
        }
    }

    @Test
    void closedFormsAgreeWithTextbookValues() {
        assertEquals(Math.log(3 + Math.sqrt(10)), Diffeomorphism.asinh(3), 1e-12);
        assertEquals(-Math.log(3 + Math.sqrt(10)), Diffeomorphism.asinh(-3), 1e-12);
        assertEquals(0.975002104851780, Diffeomorphism.normalCdf(1.96), 1e-12);
        assertEquals(8, apply1(Diffeomorphism.HALF_CUBE, Side.X, 4), 1e-12);
    }

    @Test
    void bimodalQuantileInvertsTheMixtureCdf() {
        for (double u : new double[] {1e-9, 0.1, 0.3, 0.5, 0.9, 1 - 1e-9}) {
            double q = Diffeomorphism.mixtureQuantile(u, 0.3, 0, 5);
            double f = 0.3 * Diffeomorphism.normalCdf(q) + 0.7 * Diffeomorphism.normalCdf(q - 5);
            assertEquals(u, f, 1e-12);
        }
    }

    @Test
    void spiralPreservesTheNormAndRotatesTheRightPlane() {
        RowMap y = Diffeomorphism.SPIRAL.on(Side.Y, 0.7);
        double[] in = {0.3, -1.2, 0.8, 2.0};
        double[] out = new double[4];
        y.apply(in, 0, 4, out, 0);
        assertEquals(norm(in), norm(out), 1e-12);
        assertEquals(in[0], out[0], 0);
        assertEquals(in[3], out[3], 0);
        double angle = 0.7 * norm(in) * norm(in);
        assertEquals(Math.cos(angle) * in[1] - Math.sin(angle) * in[2], out[1], 1e-12);
    }

    @Test
    void swissRollEmbedsOneCoordinateInTwo() {
        RowMap m = Diffeomorphism.SWISS_ROLL.on(Side.X, 0);
        assertEquals(2, m.outDim(1));
        double[] out = new double[2];
        m.apply(new double[] {0}, 0, 1, out, 0);
        double t = 1.5 * Math.PI;
        assertEquals(t * Math.cos(t) / 21, out[0], 1e-12);
        assertEquals(t * Math.sin(t) / 21, out[1], 1e-12);
    }

    @Test
    void chainsParseAndUnknownNamesAreReported() {
        RowMap m = Diffeomorphism.chain("normal-cdf, half-cube", Side.X, 1, "x-maps");
        double[] out = new double[1];
        m.apply(new double[] {0}, 0, 1, out, 0);
        assertEquals(0.5 * Math.sqrt(0.5), out[0], 1e-12);
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> Diffeomorphism.chain("normal-cdf, twist", Side.X, 1, "x-maps"));
        assertTrue(e.getMessage().contains("twist") && e.getMessage().contains("half-cube"));
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double a : v) {
            s += a * a;
        }
        return Math.sqrt(s);
    }
}
