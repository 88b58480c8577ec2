package org.milab.plugins.neural.fused;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Single-precision matrix product {@code C = op(A) op(B)}, or {@code C += op(A) op(B)}, on dense row-major arrays,
 * with the JDK's Vector API.
 *
 * <p>The classic register-blocked form (Goto and van de Geijn 2008, "Anatomy of high-performance matrix
 * multiplication", ACM TOMS 34(3)): op(B) is packed, {@value #DEPTH} rows of depth at a time, into panels two vectors
 * wide and contiguous (so a chunk stays in the L2 cache instead of striding through rows of B); then, block of eight
 * rows by block, the 8 x 2-vector block of C is held in sixteen registers while the chunk's rank-one updates stream
 * through each panel, so the block's rows of A are read once per chunk. On the 2-core AMD EPYC (Zen 5, AVX-512) of
 * issue 16 this runs 130-190 GFLOP/s on one thread for the critics' shapes (from 64 x 256 x 20 to
 * 4096 x 256 x 256; {@code GemmBench}), against 15-50 GFLOP/s for the Vector API BLAS of
 * {@code dev.ludovic.netlib:blas} 3.0.3 on the same shapes, which is why it is written here rather than taken from a
 * library.
 *
 * <p>A product with one output column and an untransposed A (a critic's scalar output layer) is a row of dot
 * products instead, since a packed panel would be 31/32 padding.
 *
 * <p>With more than one thread, a large product's rows are split over {@link KernelThreads}'s pool (each range
 * with its own block buffer, all reading the one packed chunk of B; the caller waits). Not thread-safe: an instance
 * owns its packing buffer.
 */
final class Gemm {

    private static final VectorSpecies<Float> LANES = FloatVector.SPECIES_PREFERRED;
    private static final int W = LANES.length();
    private static final int PANEL = 2 * W;
    private static final int ROWS = 8;
    /** Depth of a chunk: a chunk of packed B (DEPTH x n, 256 KiB at n = 256) stays in a 1 MiB L2 cache. */
    private static final int DEPTH = 256;

    /**
     * Products of at least this many multiply-adds (a chunk's m n kc) are split over the kernel threads: the joint
     * critic's 4096 x 256 x 256, not the separable critic's 64-row products (handing work over costs ~10 us).
     */
    private static final long PARALLEL_WORK = 1L << 24;

    private float[] pack = new float[0];

    /** Each worker's finished block of C, {@link #ROWS} rows of {@link #PANEL}, on its way out. */
    private final float[][] workers;

    /** A product on the calling thread alone. */
    Gemm() {
        this(1);
    }

    /** Large products split over {@code threads} threads of {@link KernelThreads}'s pool. */
    Gemm(int threads) {
        workers = new float[Math.max(1, threads)][ROWS * PANEL];
    }

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
     * {@code C (m x n) = op(A) (m x k) . op(B) (k x n)}, or {@code C += ...} when {@code accumulate}; C is written
     * from its offset and never transposed. A transposed operand is stored as its transpose: {@code A} as
     * {@code k x m}, {@code B} as {@code n x k}.
     */
    void multiply(Operand a, Operand b, Operand c, int m, int n, int k, boolean accumulate) {
        if (n == 1 && !a.transposed()) {
            rowDots(a, b, c, m, k, accumulate);
            return;
        }
        int panels = (n + PANEL - 1) / PANEL;
        pack = Pointwise.atLeast(pack, Math.min(k, DEPTH) * panels * PANEL);
        for (int pc = 0; pc < k; pc += DEPTH) {
            Block chunk = new Block(a, c, m, n, k, pc, Math.min(DEPTH, k - pc), accumulate || pc > 0);
            packChunk(b, chunk, panels);
            if (workers.length > 1 && (long) m * n * chunk.kc() >= PARALLEL_WORK && m >= 2 * ROWS) {
                inParallel(chunk, panels);
            } else {
                rows(chunk, panels, 0, m, workers[0]);
            }
        }
    }

    /** Rows [from, to) of C for one chunk, all panels, with {@code out} as the block buffer. */
    private void rows(Block chunk, int panels, int from, int to, float[] out) {
        int i = from;
        for (; i + ROWS <= to; i += ROWS) {
            for (int panel = 0; panel < panels; panel++) {
                eightRows(chunk, i, panel, out);
            }
        }
        for (; i < to; i++) {
            for (int panel = 0; panel < panels; panel++) {
                oneRow(chunk, i, panel, out);
            }
        }
    }

    /** The chunk's rows split into one contiguous range per worker (whole blocks of eight), run on the pool. */
    private void inParallel(Block chunk, int panels) {
        int blocks = (chunk.m() + ROWS - 1) / ROWS;
        int parts = Math.min(workers.length, blocks);
        List<Callable<Void>> tasks = new ArrayList<>(parts);
        for (int t = 0; t < parts; t++) {
            int from = Math.min(chunk.m(), blocks * t / parts * ROWS);
            int to = Math.min(chunk.m(), blocks * (t + 1) / parts * ROWS);
            float[] out = workers[t];
            tasks.add(() -> {
                rows(chunk, panels, from, to, out);
                return null;
            });
        }
        for (var done : KernelThreads.pool().invokeAll(tasks)) {
            KernelThreads.join(done);
        }
    }

    /**
     * One depth chunk of a product: rows [pc, pc + kc) of op(B) (packed) against columns [pc, pc + kc) of op(A),
     * added to C when {@code accumulate} (every chunk after the first).
     */
    private record Block(Operand a, Operand c, int m, int n, int k, int pc, int kc, boolean accumulate) {

        /** Index of A(i, pc) in A's array; {@link #depthStride} steps to A(i, p + 1), {@link #rowStride} to row i+1. */
        int rowStart(int i) {
            return a.offset() + (a.transposed() ? pc * m + i : i * k + pc);
        }

        int depthStride() {
            return a.transposed() ? m : 1;
        }

        int rowStride() {
            return a.transposed() ? 1 : k;
        }

        /** Columns of C in panel {@code panel}: the panel's first column and its width. */
        int column(int panel) {
            return panel * PANEL;
        }

        int width(int panel) {
            return Math.min(PANEL, n - panel * PANEL);
        }
    }

    /**
     * Packs rows [pc, pc + kc) of op(B) into {@code panels} panels, each kc rows of {@link #PANEL} contiguous floats
     * (zero-padded past column n), one after another.
     */
    private void packChunk(Operand b, Block chunk, int panels) {
        float[] src = b.data();
        int kc = chunk.kc();
        for (int panel = 0; panel < panels; panel++) {
            int base = panel * kc * PANEL;
            int j = chunk.column(panel);
            int width = chunk.width(panel);
            if (!b.transposed()) {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(src, b.offset() + (chunk.pc() + p) * chunk.n() + j, pack, base + p * PANEL, width);
                }
            } else {
                for (int q = 0; q < width; q++) {
                    int from = b.offset() + (j + q) * chunk.k() + chunk.pc();
                    for (int p = 0; p < kc; p++) {
                        pack[base + p * PANEL + q] = src[from + p];
                    }
                }
            }
            for (int p = 0; width < PANEL && p < kc; p++) {
                java.util.Arrays.fill(pack, base + p * PANEL + width, base + (p + 1) * PANEL, 0f);
            }
        }
    }

    /**
     * Rows i..i+7 of the panel: sixteen accumulators (one line per row of the block; with two panel vectors and a
     * broadcast, 19 of AVX-512's 32 registers), K rank-one updates, then the block out through {@link #emit}. No
     * vector crosses a method boundary: C2 keeps a vector in a register only where it sees every use.
     */
    private void eightRows(Block blk, int i, int panel, float[] block) {
        float[] a = blk.a().data();
        int ds = blk.depthStride();
        int rs = blk.rowStride();
        int a0 = blk.rowStart(i);
        FloatVector z = FloatVector.zero(LANES);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z;
        FloatVector c40 = z, c41 = z, c50 = z, c51 = z, c60 = z, c61 = z, c70 = z, c71 = z;
        for (int p = 0, q = panel * blk.kc() * PANEL, x = a0; p < blk.kc(); p++, q += PANEL, x += ds) {
            FloatVector b0 = FloatVector.fromArray(LANES, pack, q);
            FloatVector b1 = FloatVector.fromArray(LANES, pack, q + W);
            FloatVector r = FloatVector.broadcast(LANES, a[x]); c00 = r.fma(b0, c00); c01 = r.fma(b1, c01);
            r = FloatVector.broadcast(LANES, a[x + rs]); c10 = r.fma(b0, c10); c11 = r.fma(b1, c11);
            r = FloatVector.broadcast(LANES, a[x + 2 * rs]); c20 = r.fma(b0, c20); c21 = r.fma(b1, c21);
            r = FloatVector.broadcast(LANES, a[x + 3 * rs]); c30 = r.fma(b0, c30); c31 = r.fma(b1, c31);
            r = FloatVector.broadcast(LANES, a[x + 4 * rs]); c40 = r.fma(b0, c40); c41 = r.fma(b1, c41);
            r = FloatVector.broadcast(LANES, a[x + 5 * rs]); c50 = r.fma(b0, c50); c51 = r.fma(b1, c51);
            r = FloatVector.broadcast(LANES, a[x + 6 * rs]); c60 = r.fma(b0, c60); c61 = r.fma(b1, c61);
            r = FloatVector.broadcast(LANES, a[x + 7 * rs]); c70 = r.fma(b0, c70); c71 = r.fma(b1, c71);
        }
        c00.intoArray(block, 0); c01.intoArray(block, W);
        c10.intoArray(block, PANEL); c11.intoArray(block, PANEL + W);
        c20.intoArray(block, 2 * PANEL); c21.intoArray(block, 2 * PANEL + W);
        c30.intoArray(block, 3 * PANEL); c31.intoArray(block, 3 * PANEL + W);
        c40.intoArray(block, 4 * PANEL); c41.intoArray(block, 4 * PANEL + W);
        c50.intoArray(block, 5 * PANEL); c51.intoArray(block, 5 * PANEL + W);
        c60.intoArray(block, 6 * PANEL); c61.intoArray(block, 6 * PANEL + W);
        c70.intoArray(block, 7 * PANEL); c71.intoArray(block, 7 * PANEL + W);
        emit(blk, i, ROWS, panel, block);
    }

    /** Row i of the panel (the rows left over by the blocks of eight). */
    private void oneRow(Block blk, int i, int panel, float[] block) {
        float[] a = blk.a().data();
        int ds = blk.depthStride();
        int at = blk.rowStart(i);
        FloatVector c0 = FloatVector.zero(LANES);
        FloatVector c1 = FloatVector.zero(LANES);
        for (int p = 0, q = panel * blk.kc() * PANEL; p < blk.kc(); p++, q += PANEL, at += ds) {
            FloatVector ai = FloatVector.broadcast(LANES, a[at]);
            c0 = ai.fma(FloatVector.fromArray(LANES, pack, q), c0);
            c1 = ai.fma(FloatVector.fromArray(LANES, pack, q + W), c1);
        }
        c0.intoArray(block, 0);
        c1.intoArray(block, W);
        emit(blk, i, 1, panel, block);
    }

    /** Writes (or adds) the first {@code rows} rows of the block buffer to rows i.. of C, in panel {@code panel}. */
    private static void emit(Block blk, int i, int rows, int panel, float[] block) {
        float[] c = blk.c().data();
        int width = blk.width(panel);
        for (int r = 0; r < rows; r++) {
            int at = blk.c().offset() + (i + r) * blk.n() + blk.column(panel);
            int from = r * PANEL;
            if (width == PANEL && !blk.accumulate()) {
                System.arraycopy(block, from, c, at, PANEL);
            } else if (width == PANEL) {
                Pointwise.addInto(block, from, c, at, PANEL);
            } else {
                for (int q = 0; q < width; q++) {
                    c[at + q] = blk.accumulate() ? c[at + q] + block[from + q] : block[from + q];
                }
            }
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
