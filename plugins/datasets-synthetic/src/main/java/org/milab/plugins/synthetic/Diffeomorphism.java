package org.milab.plugins.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.special.Erf;
import org.milab.api.ConfigurationException;

/**
 * The MI-preserving maps of the BMI benchmark (Czyż et al. 2023), applied to one view. Each is smooth and
 * injective, so I(f(X); g(Y)) = I(X; Y).
 *
 * <ul>
 *   <li>{@code half-cube}: x |x|^(1/2) per coordinate (lengthens the tails).</li>
 *   <li>{@code asinh}: asinh(x) per coordinate (shortens the tails).</li>
 *   <li>{@code normal-cdf}: Phi(x) per coordinate (uniform margins from standard normal ones).</li>
 *   <li>{@code wiggly}: x + 0.4 sin x + 0.2 sin(1.7x + 1) + 0.03 sin(3.3x - 2.5) on x, and
 *       y - 0.4 sin 0.4y + 0.17 sin(1.3y + 3.5) + 0.02 sin(4.3y - 2.5) on y (derivatives stay above 0.16).</li>
 *   <li>{@code spiral}: v -> R(s |v|^2) v, R(t) the rotation by angle t in the plane of coordinates (0,1) for x and
 *       (1,2) for y (or (0,1) when y has two coordinates); norm-preserving, so invertible.</li>
 *   <li>{@code swiss-roll}: u in [0,1] -> (t cos t, t sin t)/21 with t = 1.5 pi (1 + 2u); one coordinate to two.</li>
 *   <li>{@code bimodal}: inverse CDF of a two-component normal mixture, applied to values in (0,1):
 *       0.3 N(0,1) + 0.7 N(5,1) on x, 0.5 N(-1,1) + 0.5 N(3,1) on y.</li>
 * </ul>
 */
enum Diffeomorphism {
    /** The identity. */
    NONE,
    /** x sqrt|x|. */
    HALF_CUBE,
    /** asinh. */
    ASINH,
    /** Standard normal CDF. */
    NORMAL_CDF,
    /** Wiggly sums of sines. */
    WIGGLY,
    /** Spiral rotation by the squared norm. */
    SPIRAL,
    /** Swiss-roll embedding of one coordinate in two. */
    SWISS_ROLL,
    /** Bimodal margins by inverse mixture CDF. */
    BIMODAL;

    /** Which view a map acts on: some maps differ between x and y, as in the benchmark. */
    enum Side { X, Y }

    /** The map for one side; {@code speed} is the spiral's s. */
    RowMap on(Side side, double speed) {
        return switch (this) {
            case NONE -> RowMap.IDENTITY;
            case HALF_CUBE -> RowMap.elementwise(v -> v * Math.sqrt(Math.abs(v)));
            case ASINH -> RowMap.elementwise(Diffeomorphism::asinh);
            case NORMAL_CDF -> RowMap.elementwise(Diffeomorphism::normalCdf);
            case WIGGLY -> RowMap.elementwise(side == Side.X ? Diffeomorphism::wigglyX : Diffeomorphism::wigglyY);
            case SPIRAL -> spiral(side, speed);
            case SWISS_ROLL -> SWISS;
            case BIMODAL -> side == Side.X ? RowMap.elementwise(u -> mixtureQuantile(u, 0.3, 0, 5))
                    : RowMap.elementwise(u -> mixtureQuantile(u, 0.5, -1, 3));
        };
    }

    /** Spelling used in parameters, e.g. {@code half-cube}. */
    String spelling() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses a comma-separated chain such as {@code normal-cdf, spiral} (applied left to right) into one map.
     *
     * @throws ConfigurationException naming the parameter and the known maps
     */
    static RowMap chain(String text, Side side, double speed, String parameter) {
        RowMap map = RowMap.IDENTITY;
        for (Diffeomorphism d : parse(text, parameter)) {
            map = map.andThen(d.on(side, speed));
        }
        return map;
    }

    /** The maps named in a comma-separated chain. */
    static List<Diffeomorphism> parse(String text, String parameter) {
        List<Diffeomorphism> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            if (!name.isEmpty()) {
                out.add(named(name, parameter));
            }
        }
        return out;
    }

    /** The map spelt {@code name}. */
    private static Diffeomorphism named(String name, String parameter) {
        List<String> known = new ArrayList<>();
        for (Diffeomorphism d : values()) {
            if (d.spelling().equals(name)) {
                return d;
            }
            known.add(d.spelling());
        }
        throw new ConfigurationException("parameter '" + parameter + "'", "unknown map '" + name
                + "'; expected a comma-separated list of " + String.join(", ", known));
    }

    static double asinh(double v) {
        double a = Math.abs(v);
        double r = a > 1e8 ? Math.log(2 * a) : Math.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
        return Math.copySign(r, v);
    }

    static double normalCdf(double v) {
        return 0.5 * Erf.erfc(-v / Math.sqrt(2));
    }

    static double wigglyX(double v) {
        return v + 0.4 * Math.sin(v) + 0.2 * Math.sin(1.7 * v + 1) + 0.03 * Math.sin(3.3 * v - 2.5);
    }

    static double wigglyY(double v) {
        return v - 0.4 * Math.sin(0.4 * v) + 0.17 * Math.sin(1.3 * v + 3.5) + 0.02 * Math.sin(4.3 * v - 2.5);
    }

    /** The u-quantile of w N(m1,1) + (1-w) N(m2,1), by bisection to machine precision. */
    static double mixtureQuantile(double u, double w, double m1, double m2) {
        requireOpenUnit(u);
        double lo = Math.min(m1, m2) - 40;
        double hi = Math.max(m1, m2) + 40;
        for (int i = 0; i < 200 && hi - lo > 1e-13 * Math.max(1, Math.abs(lo)); i++) {
            double mid = 0.5 * (lo + hi);
            double f = w * normalCdf(mid - m1) + (1 - w) * normalCdf(mid - m2);
            if (f < u) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private static void requireOpenUnit(double u) {
        if (!(u > 0 && u < 1)) {
            throw new org.milab.api.InvalidDataException("the bimodal map needs values strictly inside (0,1), got " + u
                    + "; put normal-cdf before it");
        }
    }

    private static final RowMap SWISS = new RowMap() {
        @Override
        public void apply(double[] in, int inOff, int dim, double[] out, int outOff) {
            if (dim != 1) {
                throw new org.milab.api.InvalidDataException("the swiss-roll map embeds one coordinate, got " + dim);
            }
            double t = 1.5 * Math.PI * (1 + 2 * in[inOff]);
            out[outOff] = t * Math.cos(t) / 21;
            out[outOff + 1] = t * Math.sin(t) / 21;
        }

        @Override
        public int outDim(int dim) {
            return 2 * dim;
        }
    };

    private static RowMap spiral(Side side, double speed) {
        return (in, inOff, dim, out, outOff) -> {
            if (dim < 2) {
                throw new org.milab.api.InvalidDataException("the spiral map needs at least 2 coordinates, got " + dim);
            }
            int i = side == Side.Y && dim >= 3 ? 1 : 0;
            int j = i + 1;
            double r2 = copySquaredNorm(in, inOff, dim, out, outOff);
            double c = Math.cos(speed * r2);
            double s = Math.sin(speed * r2);
            out[outOff + i] = c * in[inOff + i] - s * in[inOff + j];
            out[outOff + j] = s * in[inOff + i] + c * in[inOff + j];
        };
    }

    /** Copies the row to {@code out} and returns its squared norm. */
    private static double copySquaredNorm(double[] in, int inOff, int dim, double[] out, int outOff) {
        double r2 = 0;
        for (int k = 0; k < dim; k++) {
            r2 += in[inOff + k] * in[inOff + k];
            out[outOff + k] = in[inOff + k];
        }
        return r2;
    }
}
