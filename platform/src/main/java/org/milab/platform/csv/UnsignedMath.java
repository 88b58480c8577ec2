package org.milab.platform.csv;

/** Unsigned 64-bit arithmetic that Java 17 lacks ({@code Math.unsignedMultiplyHigh} came in Java 18). */
final class UnsignedMath {

    private UnsignedMath() {
    }

    /** The upper 64 bits of the unsigned 128-bit product of {@code a} and {@code b}. */
    static long multiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }
}
