package org.milab.plugins.synthetic;

import java.util.function.DoubleUnaryOperator;

/**
 * Composite Simpson quadrature on [a, b] with panel doubling until the Richardson error estimate |S_2m - S_m| / 15
 * falls below the tolerance. For integrands with four bounded derivatives (all used here are analytic) the estimate
 * is asymptotically exact; it is reported as the error bound of the ground truths computed with it.
 */
final class Quadrature {

    /** A value and its estimated absolute error. */
    record Result(double value, double error) {
    }

    private Quadrature() {
    }

    static Result simpson(DoubleUnaryOperator f, double a, double b, double tolerance) {
        int m = 64;
        double coarse = rule(f, a, b, m);
        while (true) {
            double fine = rule(f, a, b, 2 * m);
            double err = Math.abs(fine - coarse) / 15;
            if (err < tolerance || m >= (1 << 20)) {
                return new Result(fine + (fine - coarse) / 15, err);
            }
            coarse = fine;
            m *= 2;
        }
    }

    private static double rule(DoubleUnaryOperator f, double a, double b, int m) {
        double h = (b - a) / m;
        double sum = f.applyAsDouble(a) + f.applyAsDouble(b);
        for (int i = 1; i < m; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + i * h);
        }
        return sum * h / 3;
    }
}
