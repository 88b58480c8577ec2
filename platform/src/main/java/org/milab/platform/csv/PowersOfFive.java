package org.milab.platform.csv;

import java.math.BigInteger;

/**
 * 128-bit approximations of the powers of five 5<sup>q</sup>, q in [{@value #MIN}, {@value #MAX}], normalised so that
 * the top bit is set, as the Eisel-Lemire algorithm needs them: truncated for q &ge; 0, rounded up for q &lt; 0 (the
 * table of Lemire's fast_float, computed here with {@link BigInteger} instead of shipped as 1,302 constants).
 *
 * <p>Each entry is computed on first use and kept by this instance: a data file uses a few dozen exponents.
 */
final class PowersOfFive {

    /** Smallest decimal exponent with an entry. */
    static final int MIN = -342;
    /** Largest decimal exponent with an entry. */
    static final int MAX = 308;

    private final long[] high = new long[MAX - MIN + 1];
    private final long[] low = new long[MAX - MIN + 1];

    /** The upper 64 bits of the approximation of 5<sup>q</sup>. */
    long high(int q) {
        ensure(q);
        return high[q - MIN];
    }

    /** The lower 64 bits of the approximation of 5<sup>q</sup>. */
    long low(int q) {
        ensure(q);
        return low[q - MIN];
    }

    private void ensure(int q) {
        if (high[q - MIN] == 0) {
            BigInteger c = q >= 0 ? truncated(q) : reciprocal(-q);
            low[q - MIN] = c.longValue();
            high[q - MIN] = c.shiftRight(64).longValue();
        }
    }

    /** 5<sup>q</sup> shifted to exactly 128 bits, dropping what falls below. */
    private static BigInteger truncated(int q) {
        BigInteger p = BigInteger.valueOf(5).pow(q);
        int shift = p.bitLength() - 128;
        return shift > 0 ? p.shiftRight(shift) : p.shiftLeft(-shift);
    }

    /** 2<sup>b</sup> / 5<sup>e</sup> plus one, truncated to 128 bits, with b large enough for 128 exact bits. */
    private static BigInteger reciprocal(int e) {
        BigInteger p = BigInteger.valueOf(5).pow(e);
        int z = p.bitLength();
        int b = e <= 27 ? z + 127 : 2 * z + 128;
        BigInteger c = BigInteger.ONE.shiftLeft(b).divide(p).add(BigInteger.ONE);
        int shift = c.bitLength() - 128;
        return shift > 0 ? c.shiftRight(shift) : c;
    }
}
