package org.milab.plugins.neural.fused;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Single-precision matrix product {@code C = op(A) op(B)}, or {@code C += op(A) op(B)}, on dense row-major arrays,
 * with the JDK's Vector API.
 *
 * <p>The classic register-blocked form (Goto and van de Geijn 2008, "Anatomy of high-performance matrix
 * multiplication", ACM TOMS 34(3)): a panel of {@code op(B)}, two vectors wide and K deep, is packed contiguously
 * (so it stays in the L1/L2 cache instead of striding through rows of B), then a 4 x 2-vector block of C is held in
 * eight registers while K rank-one updates stream through the panel. On the 2-core AMD EPYC (Zen 5, AVX-512) of
 * issue 16 this runs 145-155 GFLOP/s on one thread for the critics' shapes (64 x 256 x 256 and 4096 x 256 x 256),
 * against 15-50 GFLOP/s for the Vector API BLAS of {@code dev.ludovic.netlib:blas} 3.0.3 on the same shapes, which
 * is why it is written here rather than taken from a library.
 *
 * <p>A product with one output column and an untransposed A (a critic's scalar output layer) is a row of dot
 * products instead, since a packed panel would be 31/32 padding.
 *
 * <p>Not thread-safe: an instance owns its packing buffer.
 */
final class Gemm {

    private static final VectorSpecies<Float> LANES = FloatVector.SPECIES_PREFERRED;
    private static final int W = LANES.length();
    private static final int PANEL = 2 * W;
    private static final int ROWS = 4;

    private float[] pack = new float[0];
    private final float[] scratch = new float[PANEL];

    /** An operand: {@code data} from {@code offset}, row-major, read as its transpose when {@code transposed}. */
    record Operand(float[] data, int offset, boolean transposed) {

        static Operand of(float[] data) {
            return new Operand(data, 0, false);
        }

        static Operand of(float[] data, int offset) {
            return new Operand(data, offset, false);
        }

        static Operand transposed(float[] data) {
            return new Operand(data, 0, true);
        }

        static Operand transposed(float[] data, int offset) {
            return new Operand(data, offset, true);
        }
    }

    /**
     * {@code C (m x n, from its offset; never transposed) = op(A) (m x k) . op(B) (k x n)}, added to C's contents when {@code accumulate}. A transposed
     * operand is stored as its transpose: {@code A} as {@code k x m}, {@code B} as {@code n x k}.
     */
    void multiply(Operand a, Operand b, Operand c, int m, int n, int k, boolean accumulate) {
        if (n == 1 && !a.transposed()) {
            rowDots(a, b, c, m, k, accumulate);
            return;
        }
        if (pack.length < k * PANEL) {
            pack = new float[k * PANEL];
        }
        for (int j = 0; j < n; j += PANEL) {
            int width = Math.min(PANEL, n - j);
            packPanel(b, j, width, n, k);
            Block block = new Block(a, c, m, n, k, j, width, accumulate, scratch);
            int i = 0;
            for (; i + ROWS <= m; i += ROWS) {
                fourRows(block, i);
            }
            for (; i < m; i++) {
                oneRow(block, i);
            }
        }
    }

    /** Where one panel's products go: the operand A, C and the panel's columns [j, j + width). */
    private record Block(Operand a, Operand c, int m, int n, int k, int j, int width, boolean accumulate,
                         float[] scratch) {

        /** Index in A's array of A(i, 0), and the step from A(i, p) to A(i, p + 1) and to A(i + 1, p). */
        int rowStart(int i) {
            return a.offset() + (a.transposed() ? i : i * k);
        }

        int depthStride() {
            return a.transposed() ? m : 1;
        }

        int rowStride() {
            return a.transposed() ? 1 : k;
        }
    }

    /** Copies columns [j, j + width) of op(B) into the packing buffer, K rows of {@link #PANEL}, zero-padded. */
    private void packPanel(Operand b, int j, int width, int n, int k) {
        float[] src = b.data();
        if (!b.transposed()) {
            for (int p = 0; p < k; p++) {
                System.arraycopy(src, b.offset() + p * n + j, pack, p * PANEL, width);
            }
        } else {
            for (int q = 0; q < width; q++) {
                int from = b.offset() + (j + q) * k;
                for (int p = 0; p < k; p++) {
                    pack[p * PANEL + q] = src[from + p];
                }
            }
        }
        if (width < PANEL) {
            for (int p = 0; p < k; p++) {
                java.util.Arrays.fill(pack, p * PANEL + width, (p + 1) * PANEL, 0f);
            }
        }
    }

    /** Rows i..i+3 of the panel: eight accumulators, K rank-one updates. */
    private void fourRows(Block blk, int i) {
        float[] a = blk.a().data();
        float[] bp = pack;
        int ds = blk.depthStride();
        int rs = blk.rowStride();
        int at = blk.rowStart(i);
        // one zero() per accumulator: C2 keeps loop-carried vectors in registers only when no two share a box
        FloatVector c00 = FloatVector.zero(LANES);
        FloatVector c01 = FloatVector.zero(LANES);
        FloatVector c10 = FloatVector.zero(LANES);
        FloatVector c11 = FloatVector.zero(LANES);
        FloatVector c20 = FloatVector.zero(LANES);
        FloatVector c21 = FloatVector.zero(LANES);
        FloatVector c30 = FloatVector.zero(LANES);
        FloatVector c31 = FloatVector.zero(LANES);
        int k = blk.k();
        int r1 = at + rs;
        int r2 = at + 2 * rs;
        int r3 = at + 3 * rs;
        for (int p = 0; p < k; p++) {
            int q = p * PANEL;
            int ap = p * ds;
            FloatVector b0 = FloatVector.fromArray(LANES, bp, q);
            FloatVector b1 = FloatVector.fromArray(LANES, bp, q + W);
            FloatVector a0 = FloatVector.broadcast(LANES, a[at + ap]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(LANES, a[r1 + ap]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(LANES, a[r2 + ap]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(LANES, a[r3 + ap]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
        }
        store(blk, i, c00, c01);
        store(blk, i + 1, c10, c11);
        store(blk, i + 2, c20, c21);
        store(blk, i + 3, c30, c31);
    }

    /** Row i of the panel (the rows left over by the blocks of four). */
    private void oneRow(Block blk, int i) {
        float[] a = blk.a().data();
        int ds = blk.depthStride();
        int at = blk.rowStart(i);
        FloatVector c0 = FloatVector.zero(LANES);
        FloatVector c1 = FloatVector.zero(LANES);
        for (int p = 0, q = 0; p < blk.k(); p++, q += PANEL, at += ds) {
            FloatVector ai = FloatVector.broadcast(LANES, a[at]);
            c0 = ai.fma(FloatVector.fromArray(LANES, pack, q), c0);
            c1 = ai.fma(FloatVector.fromArray(LANES, pack, q + W), c1);
        }
        store(blk, i, c0, c1);
    }

    /** Writes (or adds) two accumulators to row i, columns [j, j + width) of C. */
    private static void store(Block blk, int i, FloatVector first, FloatVector second) {
        float[] c = blk.c().data();
        int at = blk.c().offset() + i * blk.n() + blk.j();
        if (blk.width() == PANEL) {
            if (blk.accumulate()) {
                first = first.add(FloatVector.fromArray(LANES, c, at));
                second = second.add(FloatVector.fromArray(LANES, c, at + W));
            }
            first.intoArray(c, at);
            second.intoArray(c, at + W);
            return;
        }
        // the last, narrower panel: through a scratch row and scalar copies, since a masked store (not a
        // compiler intrinsic in JDK 17) would make C2 box the accumulators of every panel (measured 6x slower)
        float[] row = blk.scratch();
        first.intoArray(row, 0);
        second.intoArray(row, W);
        for (int q = 0; q < blk.width(); q++) {
            c[at + q] = blk.accumulate() ? c[at + q] + row[q] : row[q];
        }
    }

    /** {@code c[i] (+)= A(i, .) . op(B)(., 0)} for a single output column. */
    private static void rowDots(Operand a, Operand b, Operand c, int m, int k, boolean accumulate) {
        // a k x 1 matrix and its transpose are the same k numbers in a row
        for (int i = 0; i < m; i++) {
            float dot = dot(a.data(), a.offset() + i * k, b.data(), b.offset(), k);
            int at = c.offset() + i;
            c.data()[at] = accumulate ? c.data()[at] + dot : dot;
        }
    }

    /** {@code x[xo..xo+k) . y[yo..yo+k)}. */
    static float dot(float[] x, int xo, float[] y, int yo, int k) {
        FloatVector acc = FloatVector.zero(LANES);
        int p = 0;
        for (; p <= k - W; p += W) {
            acc = FloatVector.fromArray(LANES, x, xo + p).fma(FloatVector.fromArray(LANES, y, yo + p), acc);
        }
        float sum = acc.reduceLanes(VectorOperators.ADD);
        for (; p < k; p++) {
            sum += x[xo + p] * y[yo + p];
        }
        return sum;
    }
}
