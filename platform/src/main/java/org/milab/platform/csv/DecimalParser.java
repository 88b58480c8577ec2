package org.milab.platform.csv;

import java.nio.charset.StandardCharsets;

/**
 * Decimal text (bytes) to the nearest {@code double}, bit for bit what {@link Double#parseDouble} returns, without
 * creating a {@code String}: {@code [+-]digits[.digits][(e|E)[+-]digits]} with at most 19 significant digits takes
 * Clinger's exact path (at most 15-16 digits, |exponent| &le; 22) or the Eisel-Lemire algorithm (Lemire, "Number
 * parsing at a gigabyte per second", Software: Practice and Experience 51(8), 2021; the variant of Go's strconv,
 * which declines the rare ambiguous cases). Anything else, and whatever those decline (subnormals, halfway cases,
 * {@code NaN}, hexadecimal, suffixes, bad text), goes to {@link Double#parseDouble}.
 *
 * <p>Why: the JDK's parser takes a slow, arbitrary-precision path for every number with more than 15 digits, which
 * is every {@code double} written in full ({@code %.17g}, {@code repr}); at n = 1e5 that was most of a cold
 * {@code milab estimate} (issue 16). Not thread-safe (it caches powers of five); use one per reader.
 */
public final class DecimalParser {

    private static final int MAX_DIGITS = 19;
    private static final double[] EXACT_POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private final PowersOfFive powers = new PowersOfFive();

    /**
     * The number in {@code text[from, to)}.
     *
     * @throws NumberFormatException when {@link Double#parseDouble} would reject the text
     */
    public double parse(byte[] text, int from, int to) {
        double v = plain(text, from, to);
        return Double.isNaN(v) ? Double.parseDouble(new String(text, from, to - from, StandardCharsets.UTF_8)) : v;
    }

    /** The value of plain decimal text, or NaN when it is not plain or the fast paths decline it. */
    private double plain(byte[] b, int from, int to) {
        Decimal d = Decimal.scan(b, from, to);
        if (d == null) {
            return Double.NaN;
        }
        double magnitude = d.digits() == 0 ? 0.0 : toDouble(d.digits(), d.exponent());
        return d.negative() ? -magnitude : magnitude;
    }

    /** {@code w * 10^q} correctly rounded ({@code w} unsigned), or NaN when undecided here. */
    private double toDouble(long w, int q) {
        if (w >= 0 && w <= (1L << 53) && q >= -22 && q <= 22) {
            return q < 0 ? w / EXACT_POWERS_OF_TEN[-q] : w * EXACT_POWERS_OF_TEN[q];
        }
        if (q < PowersOfFive.MIN || q > PowersOfFive.MAX) {
            return Double.NaN;
        }
        return eiselLemire(w, q);
    }

    /** Eisel-Lemire for {@code w > 0}: NaN when the 128-bit product cannot decide, or for subnormals and infinity. */
    private double eiselLemire(long w, int q) {
        int lz = Long.numberOfLeadingZeros(w);
        long m = w << lz;
        long hi = UnsignedMath.multiplyHigh(m, powers.high(q));
        long lo = m * powers.high(q);
        if ((hi & 0x1FF) == 0x1FF && Long.compareUnsigned(lo + m, m) < 0) {
            long yHi = UnsignedMath.multiplyHigh(m, powers.low(q));
            long mergedLo = lo + yHi;
            long mergedHi = Long.compareUnsigned(mergedLo, lo) < 0 ? hi + 1 : hi;
            if ((mergedHi & 0x1FF) == 0x1FF && mergedLo == -1L && Long.compareUnsigned(m * powers.low(q) + m, m) < 0) {
                return Double.NaN;
            }
            hi = mergedHi;
            lo = mergedLo;
        }
        return round(hi, lo, ((217706L * q) >> 16) + 64 + 1023 - lz);
    }

    /** The double from the 128-bit product: 54 bits, round half to even, or NaN where that is ambiguous. */
    private static double round(long hi, long lo, long exponent) {
        long msb = hi >>> 63;
        long mantissa = hi >>> (msb + 9);
        long e = exponent - (1 ^ msb);
        if (lo == 0 && (hi & 0x1FF) == 0 && (mantissa & 3) == 1) {
            return Double.NaN;
        }
        mantissa = (mantissa + (mantissa & 1)) >>> 1;
        if ((mantissa >>> 53) > 0) {
            mantissa >>>= 1;
            e++;
        }
        if (e <= 0 || e >= 0x7FF) {
            return Double.NaN;
        }
        return Double.longBitsToDouble(e << 52 | mantissa & 0x000F_FFFF_FFFF_FFFFL);
    }

    /**
     * Plain decimal text as sign, significant digits {@code w} (at most 19) and decimal exponent {@code q}.
     *
     * @param negative a leading minus sign
     * @param digits   the significant digits as an integer (0 for zero)
     * @param exponent the power of ten they are scaled by
     */
    private record Decimal(boolean negative, long digits, int exponent) {

        /** Scans {@code b[from, to)}; null when it is not plain decimal or has more than 19 significant digits. */
        static Decimal scan(byte[] b, int from, int to) {
            int i = from;
            boolean negative = i < to && b[i] == '-';
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                i++;
            }
            Mantissa m = new Mantissa();
            i = m.digits(b, i, to, false);
            if (i < to && b[i] == '.') {
                i = m.digits(b, i + 1, to, true);
            }
            if (!m.any || m.tooLong) {
                return null;
            }
            if (i == to) {
                return new Decimal(negative, m.value, m.exponent);
            }
            long e = exponent(b, i, to);
            return e == Long.MIN_VALUE ? null : new Decimal(negative, m.value, (int) (m.exponent + e));
        }

        /** The exponent part {@code (e|E)[+-]digits} filling {@code b[i, to)}; Long.MIN_VALUE when it is not one. */
        private static long exponent(byte[] b, int i, int to) {
            if ((b[i] | 0x20) != 'e') {
                return Long.MIN_VALUE;
            }
            int j = i + 1;
            boolean negative = j < to && b[j] == '-';
            if (j < to && (b[j] == '-' || b[j] == '+')) {
                j++;
            }
            if (j == to || to - j > 5) {
                return Long.MIN_VALUE;
            }
            long e = 0;
            for (; j < to; j++) {
                int d = b[j] - '0';
                if (d < 0 || d > 9) {
                    return Long.MIN_VALUE;
                }
                e = 10 * e + d;
            }
            return negative ? -e : e;
        }
    }

    /** Accumulates digits: the first 19 significant ones exactly; a later non-zero one marks it too long. */
    private static final class Mantissa {
        long value;
        int significant;
        int exponent;
        boolean any;
        boolean tooLong;

        /** Reads digits from {@code b[i, to)}; returns where they stop. */
        int digits(byte[] b, int i, int to, boolean fraction) {
            for (; i < to; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    return i;
                }
                any = true;
                add(d, fraction);
            }
            return i;
        }

        private void add(int d, boolean fraction) {
            if (significant < MAX_DIGITS && (significant > 0 || d != 0)) {
                value = 10 * value + d;
                significant++;
                exponent -= fraction ? 1 : 0;
            } else if (significant == 0) {
                exponent -= fraction ? 1 : 0;
            } else {
                tooLong |= d != 0;
                exponent += fraction ? 0 : 1;
            }
        }
    }
}
