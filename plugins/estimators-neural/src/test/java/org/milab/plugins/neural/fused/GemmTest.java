package org.milab.plugins.neural.fused;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.milab.plugins.neural.fused.Gemm.Operand;

/**
 * {@link Gemm} against the textbook triple loop (in double) on shapes that reach every path: row counts that leave
 * a tail after the blocks of eight, column counts that leave a narrower last panel or are 1, depths beyond one
 * packed chunk, transposed operands, offsets into larger arrays, and accumulation.
 */
class GemmTest {

    @ParameterizedTest
    @CsvSource({
        "1, 1, 1", "8, 32, 1", "7, 5, 3", "13, 33, 17", "64, 256, 20", "24, 20, 64", "17, 1, 300", "9, 70, 600",
        "40, 64, 257", "3, 31, 512"})
    void matchesTheTripleLoop(int m, int n, int k) {
        Random random = new Random(31L * m + 7L * n + k);
        Gemm gemm = new Gemm();
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                for (boolean accumulate : new boolean[] {false, true}) {
                    check(gemm, random, new int[] {m, n, k}, ta, tb, accumulate);
                }
            }
        }
    }

    /** A product large enough to be split over threads gives the same bits as on one thread (each row's arithmetic
     * is the same). */
    @ParameterizedTest
    @CsvSource({"300, 260, 256, false", "1001, 64, 300, true", "4096, 256, 256, false"})
    void threadsChangeNoBit(int m, int n, int k, boolean ta) {
        Random random = new Random(m);
        float[] a = fill(new float[m * k], random);
        float[] b = fill(new float[k * n], random);
        float[] serial = new float[m * n];
        float[] parallel = new float[m * n];
        new Gemm(1).multiply(new Operand(a, 0, ta), Operand.of(b), Operand.of(serial), m, n, k, false);
        new Gemm(3).multiply(new Operand(a, 0, ta), Operand.of(b), Operand.of(parallel), m, n, k, false);
        assertArrayEquals(serial, parallel);
    }

    private static void check(Gemm gemm, Random random, int[] mnk, boolean ta, boolean tb, boolean accumulate) {
        int m = mnk[0];
        int n = mnk[1];
        int k = mnk[2];
        int offset = 5;
        float[] a = fill(new float[offset + m * k], random);
        float[] b = fill(new float[offset + k * n], random);
        float[] c = fill(new float[offset + m * n + 3], random);
        float[] before = c.clone();
        gemm.multiply(new Operand(a, offset, ta), new Operand(b, offset, tb), new Operand(c, offset, false), m, n, k,
                accumulate);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = accumulate ? before[offset + i * n + j] : 0;
                for (int p = 0; p < k; p++) {
                    float ap = ta ? a[offset + p * m + i] : a[offset + i * k + p];
                    float bp = tb ? b[offset + j * k + p] : b[offset + p * n + j];
                    sum += (double) ap * bp;
                }
                String where = String.format("C[%d][%d] of %dx%dx%d ta=%s tb=%s acc=%s", i, j, m, n, k, ta, tb,
                        accumulate);
                assertEquals(sum, c[offset + i * n + j], 1e-5 * Math.sqrt(k) * 4, where);
            }
        }
        for (int i = 0; i < offset; i++) {
            assertEquals(before[i], c[i], "C before its offset is untouched");
        }
        for (int i = offset + m * n; i < c.length; i++) {
            assertEquals(before[i], c[i], "C after its end is untouched");
        }
    }

    private static float[] fill(float[] v, Random random) {
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextFloat() * 2 - 1;
        }
        return v;
    }
}
