package org.milab.plugins.neural.fused;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** Vectorised sums of float ranges, the elementwise pieces the fused layers share. */
final class Pointwise {

    private static final VectorSpecies<Float> LANES = FloatVector.SPECIES_PREFERRED;

    private Pointwise() {
    }

    /** {@code buffer} if it holds at least {@code size} floats, else a new array of that size: a growing scratch. */
    static float[] atLeast(float[] buffer, int size) {
        return buffer.length >= size ? buffer : new float[size];
    }

    /** {@code to[at..at+n) += from[start..start+n)}. */
    static void addInto(float[] from, int start, float[] to, int at, int n) {
        int i = 0;
        for (; i <= n - LANES.length(); i += LANES.length()) {
            FloatVector.fromArray(LANES, to, at + i).add(FloatVector.fromArray(LANES, from, start + i))
                    .intoArray(to, at + i);
        }
        for (; i < n; i++) {
            to[at + i] += from[start + i];
        }
    }

    /** {@code to[at..at+n) = factor * from[start..start+n)}. */
    static void scaled(float[] from, int start, float factor, float[] to, int at, int n) {
        int i = 0;
        for (; i <= n - LANES.length(); i += LANES.length()) {
            FloatVector.fromArray(LANES, from, start + i).mul(factor).intoArray(to, at + i);
        }
        for (; i < n; i++) {
            to[at + i] = factor * from[start + i];
        }
    }

    /** {@code out[at..at+n) = a[ai..ai+n) + b[bi..bi+n)}. */
    static void sum(float[] a, int ai, float[] b, int bi, float[] out, int at, int n) {
        int i = 0;
        for (; i <= n - LANES.length(); i += LANES.length()) {
            FloatVector.fromArray(LANES, a, ai + i).add(FloatVector.fromArray(LANES, b, bi + i)).intoArray(out, at + i);
        }
        for (; i < n; i++) {
            out[at + i] = a[ai + i] + b[bi + i];
        }
    }

    /** {@code sums[at + j] = sum over r of m[r][j]} for an {@code rows x cols} row-major m. */
    static void columnSums(float[] m, int rows, int cols, float[] sums, int at) {
        java.util.Arrays.fill(sums, at, at + cols, 0f);
        for (int r = 0; r < rows; r++) {
            addInto(m, r * cols, sums, at, cols);
        }
    }
}
