package org.milab.plugins.neural.fused;

import java.util.Locale;
import java.util.Random;
import org.milab.plugins.neural.fused.Gemm.Operand;

/**
 * Benchmark, not a test: GFLOP/s of {@link Gemm} on the products of a separable and a joint critic step (staircase
 * sizes), one thread. {@code java --add-modules jdk.incubator.vector -cp CLASSPATH
 * org.milab.plugins.neural.fused.GemmBench}
 */
public final class GemmBench {

    private GemmBench() {
    }

    /** Each case: m, n, k, A transposed, B transposed. */
    private static final int[][] CASES = {
        {64, 256, 20, 0, 1}, {64, 256, 256, 0, 1}, {64, 32, 256, 0, 1}, {64, 64, 32, 0, 1},
        {256, 20, 64, 1, 0}, {256, 256, 64, 1, 0}, {32, 256, 64, 1, 0}, {64, 256, 256, 0, 0}, {64, 32, 64, 0, 0},
        {4096, 256, 256, 0, 1}, {4096, 1, 256, 0, 1}, {256, 256, 4096, 1, 0}, {4096, 256, 256, 0, 0},
    };

    public static void main(String[] args) {
        Random random = new Random(1);
        Gemm gemm = new Gemm();
        for (int round = 0; round < 3; round++) {
            for (int[] c : CASES) {
                float[] a = fill(new float[c[0] * c[2]], random);
                float[] b = fill(new float[c[2] * c[1]], random);
                float[] out = new float[c[0] * c[1]];
                Operand oa = new Operand(a, 0, c[3] == 1);
                Operand ob = new Operand(b, 0, c[4] == 1);
                double flops = 2.0 * c[0] * c[1] * c[2];
                int reps = (int) Math.max(20, 4e8 / flops);
                long t = System.nanoTime();
                for (int r = 0; r < reps; r++) {
                    gemm.multiply(oa, ob, Operand.of(out), c[0], c[1], c[2], false);
                }
                double seconds = (System.nanoTime() - t) / 1e9;
                if (round == 2) {
                    System.out.printf(Locale.ROOT, "m=%d n=%d k=%d ta=%d tb=%d: %.1f GFLOP/s, %.1f us%n", c[0], c[1], c[2],
                            c[3], c[4], flops * reps / seconds / 1e9, seconds / reps * 1e6);
                }
            }
        }
    }

    private static float[] fill(float[] v, Random random) {
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextFloat() - 0.5f;
        }
        return v;
    }
}
