package org.milab.plugins.classic.knn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD leaf scans of a {@link KdTree} in many dimensions, with the JDK's incubating Vector API
 * ({@code jdk.incubator.vector}; the JVM needs {@code --add-modules jdk.incubator.vector}, which the {@code milab}
 * launcher and the build's tests pass; without it {@link #available()} is false and the tree keeps its scalar
 * scans).
 *
 * <p>Both scans take a leaf's points a vector's width at a time from a column copy of the tree. A point is within
 * max-norm distance r of the query q exactly when |p<sub>j</sub> − q<sub>j</sub>| &lt; r on every axis j; for
 * non-negative numbers a &lt; r exactly when the difference of their bit patterns, as signed integers, is
 * negative, so the test over all axes is one AND of those differences per axis and a look at the sign bits: no
 * comparisons, masks or branches inside the pass.
 *
 * <p>The neighbour search is an exact single-precision prefilter (16 floats per AVX-512 vector) over the tree's
 * {@link FloatColumns}, against the threshold T that {@link FloatColumns#threshold} puts just above the double
 * bound, so that no point within it is ever rejected; its axes come in an {@link AxisOrder} and a group stops
 * after a block of four axes that leaves none of its points inside (a k-NN bound is tight: in 20-D 3.6 times
 * faster than taking every axis). The candidates (a few per query) are then measured in double precision as the
 * scalar scan measures every point, in the same order, so distances and k-best order are the same bit for bit.
 * Against 8 double lanes and 64-point leaves, with {@link KdTree#WIDE_LEAF} points per leaf (thread CPU, same
 * window): 10-D/10-D KSG at n = 100,000 28.6 -> 23.3 s; at n = 20,000 joint 10-D 747 -> 683 ms, 20-D 1,769 ->
 * 1,392 ms, 50-D 6,141 -> 5,096 ms.
 *
 * <p>The range count stays in double precision (8 lanes) over every straddled axis: the float prefilter with a
 * second, lower threshold for sure points, lane-wise sums and early exits measured even at n = 20,000 and 28%
 * slower at n = 100,000 (the doubtful points send it back to the double columns, a second stream through the
 * cache), and in 10-D stopping early measured slower before.
 */
final class VectorLeafScan {

    private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private VectorLeafScan() {
    }

    /** Whether the Vector API module is present in this JVM. */
    static boolean available() {
        return AVAILABLE;
    }

    /** Whether a tree of dimension {@code d} should scan its leaves here. */
    static boolean usable(int d) {
        return AVAILABLE && d >= KdTree.VECTOR_DIMENSION;
    }

    /**
     * Offers the points at tree positions [from, to) to the k best of {@code best}'s current query, comparing the
     * axes in the order {@code order}.
     */
    static void nearest(KdTree tree, int from, int to, KBest best, AxisOrder order) {
        Lanes.nearest(tree, from, to, best, order.axes);
    }

    /**
     * The number of points at tree positions [from, to) strictly inside {@code cube} on each of its straddled
     * axes ({@code cube.cuts} &gt; 0).
     */
    static int countInside(KdTree tree, int from, int to, RangeQuery cube) {
        return Lanes.countInside(tree, from, to, cube);
    }

    /** The kernels; a class of its own so that nothing loads the Vector API unless it is present. */
    private static final class Lanes {
        private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
        private static final int WIDTH = SPECIES.length();
        private static final VectorSpecies<Integer> BITS = SPECIES.withLanes(int.class);

        private Lanes() {
        }

        /**
         * Lane bits of the points from position t (tail lanes past {@code to} cleared) that are candidates. The
         * mask's {@code toLong} is not compiled to a single instruction on JDK 17, so the scans call it only for
         * groups known to hold a candidate.
         */
        private static long inside(IntVector signs, int t, int to) {
            long bits = signs.lt(0).toLong();
            return t + WIDTH <= to ? bits : bits & ((1L << (to - t)) - 1);
        }

        /**
         * Per lane, a negative value exactly when |cols[at + lane] − v| &lt; T in float arithmetic ({@code tBits}
         * the bits of T in every lane, broadcast once per group rather than once per axis).
         */
        private static IntVector below(float[] cols, int at, double v, IntVector tBits) {
            return FloatVector.fromArray(SPECIES, cols, at).sub((float) v).abs().reinterpretAsInts().sub(tBits);
        }

        private static IntVector broadcast(float threshold) {
            return IntVector.broadcast(BITS, Float.floatToRawIntBits(threshold));
        }

        /** Every lane negative: the identity of the AND over axes. */
        private static IntVector allInside() {
            return IntVector.broadcast(BITS, -1);
        }

        static void nearest(KdTree tree, int from, int to, KBest best, int[] axes) {
            float[] cols = tree.floats.values;
            double[] pts = tree.pts;
            int n = tree.n;
            int d = tree.d;
            int qo = best.self * d;
            for (int t = from; t < to; t += WIDTH) {
                IntVector tBits = broadcast(tree.floats.threshold(best.bound()));
                IntVector signs = allInside();
                for (int i = 0; i < d; i++) {
                    int j = axes[i];
                    signs = signs.and(below(cols, j * n + t, pts[qo + j], tBits));
                    if ((i & 3) == 3 && !signs.lt(0).anyTrue()) {
                        break;
                    }
                }
                if (signs.lt(0).anyTrue()) {
                    offer(tree, inside(signs, t, to), t, best);
                }
            }
        }

        /**
         * {@link #below} for four axes from column offset {@code at} and query coordinate {@code q[qo]},
         * combined. The neighbour scan stops a group after a block of four axes that leaves none of its points
         * inside the bound (a k-NN bound is tight: in 20-D most groups are out after four or eight axes);
         * straight-line blocks, because a loop-carried vector tested after every axis compiles to slow code, and
         * one call site, because the JIT stops inlining (and the vectors stop being intrinsics) past a node budget.
         */
        private static IntVector four(float[] cols, int n, int at, double[] q, int qo, IntVector tBits) {
            return below(cols, at, q[qo], tBits).and(below(cols, at + n, q[qo + 1], tBits))
                    .and(below(cols, at + 2 * n, q[qo + 2], tBits))
                    .and(below(cols, at + 3 * n, q[qo + 3], tBits));
        }

        /** Offers the candidates of lane bits {@code lanes} (from position t) at their exact distances. */
        private static void offer(KdTree tree, long lanes, int t, KBest best) {
            double[] pts = tree.pts;
            int d = tree.d;
            int qo = best.self * d;
            for (long bits = lanes; bits != 0; bits &= bits - 1) {
                int p = t + Long.numberOfTrailingZeros(bits);
                double m = 0;
                for (int j = 0; j < d; j++) {
                    m = Math.max(m, Math.abs(pts[p * d + j] - pts[qo + j]));
                }
                best.offer(p, m);
            }
        }

        /** Double lanes for the range count, whose pass stays in double precision (see the class comment). */
        private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
        private static final int DOUBLE_WIDTH = DOUBLES.length();
        private static final VectorSpecies<Long> LONGS = DOUBLES.withLanes(long.class);

        /**
         * Per lane, a negative value exactly when |cols[at + lane] − v| &lt; r ({@code rBits} the bits of r in
         * every lane): the double-precision form of {@link #below}.
         */
        private static LongVector belowExactly(double[] cols, int at, double v, LongVector rBits) {
            return DoubleVector.fromArray(DOUBLES, cols, at).sub(v).abs().reinterpretAsLongs().sub(rBits);
        }

        /** The lanes below {@code lanes} (&lt; the width) with a negative value. */
        private static int tailCount(LongVector signs, int lanes) {
            return Long.bitCount(signs.lt(0L).toLong() & ((1L << lanes) - 1));
        }

        static int countInside(KdTree tree, int from, int to, RangeQuery cube) {
            double[] cols = tree.cols;
            int n = tree.n;
            LongVector rBits = LongVector.broadcast(LONGS, Double.doubleToRawLongBits(cube.radius));
            int count = 0;
            for (int t = from; t < to; t += DOUBLE_WIDTH) {
                LongVector signs = belowExactly(cols, cube.cut[0] * n + t, cube.q[cube.qo + cube.cut[0]], rBits);
                for (int c = 1; c < cube.cuts; c++) {
                    int j = cube.cut[c];
                    signs = signs.and(belowExactly(cols, j * n + t, cube.q[cube.qo + j], rBits));
                }
                count += t + DOUBLE_WIDTH <= to ? signs.lt(0L).trueCount() : tailCount(signs, to - t);
            }
            return count;
        }
    }
}
