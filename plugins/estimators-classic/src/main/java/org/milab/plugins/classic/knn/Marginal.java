package org.milab.plugins.classic.knn;

import java.util.function.BooleanSupplier;
import org.milab.plugins.classic.common.Digamma;
import org.milab.plugins.classic.common.ParallelSum;

/**
 * Range counts in one marginal space (the columns of X, of Y, ...): a {@link SortedColumn} for one column, a
 * {@link KdTree} for several.
 */
final class Marginal {

    /**
     * Leaf size of the counting trees: whole-subtree counts and the branch-free 64-point leaf passes of
     * {@link KdTree} make larger leaves than for searches pay off (measured on 3-D marginals, n = 100,000: 64 beats
     * 16, 32 and 128).
     */
    private static final int COUNT_LEAF = 64;

    /**
     * Leaf size of the counting trees with SIMD leaf scans (from {@link KdTree#VECTOR_DIMENSION} on): pruning is
     * weak there, so longer vector passes per leaf pay off (10-D/10-D KSG, n = 20,000, min CPU: 256 takes 3.6 s,
     * 64 4.3-4.9 s, 128 4.2 s, 512 3.9 s).
     */
    private static final int WIDE_COUNT_LEAF = 256;

    private final SortedColumn column;
    private final KdTree tree;

    /** Over the rows of the row-major {@code data} with {@code d} columns. */
    Marginal(double[] data, int d) {
        this.column = d == 1 ? new SortedColumn(data, 1, 0) : null;
        this.tree = d == 1 ? null : new KdTree(data, d, VectorLeafScan.usable(d) ? WIDE_COUNT_LEAF : COUNT_LEAF);
    }

    /** Working memory of one thread (the tree's traversal stack; nothing for a sorted column). */
    static final class Scratch {
        final KdTree.Scratch tree;

        Scratch(KdTree tree) {
            this.tree = tree == null ? null : new KdTree.Scratch(1, tree);
        }
    }

    /** Working memory for one thread. */
    Scratch scratch() {
        return new Scratch(tree);
    }

    /**
     * The number of rows other than {@code row} strictly closer than {@code radius} (&gt; 0) to it. Successive
     * calls with one scratch are fastest for nearby rows.
     */
    int countOthersWithin(int row, double radius, Scratch s) {
        if (column != null) {
            return column.countWithinAt(column.rank[row], radius);
        }
        return tree.countWithin(tree.pts, tree.position[row] * tree.d, radius, s.tree) - 1;
    }

    /** The rows sorted by value (a new array) for a one-column marginal; null for several columns. */
    int[] sortedOrder() {
        return column == null ? null : column.order();
    }

    /**
     * A search tree on the joint rows of {@code x} and {@code y} ({@code joint}, row-major): for two one-column
     * marginals it is built from their sorted orders, which is faster than building it from scratch.
     */
    static KdTree jointTree(double[] joint, Marginal x, Marginal y, int threads) {
        int[] ox = x.sortedOrder();
        int[] oy = y.sortedOrder();
        return ox != null && oy != null
                ? new KdTree(joint, 2, KdTree.SEARCH_LEAF, new int[][] {ox, oy}, new int[][] {x.column.rank, y.column.rank}, threads)
                : new KdTree(joint, joint.length / x.size());
    }

    /** Number of rows. */
    int size() {
        return column != null ? column.sorted.length : tree.n;
    }

    /**
     * Where row {@code row} sits in this marginal's own order (sorted position or tree position); queries made in
     * that order touch memory sequentially.
     */
    int positionOf(int row) {
        return column != null ? column.rank[row] : tree.position[row];
    }

    /** As {@link #countOthersWithin} for the row at position {@code p} of this marginal's own order. */
    int countOthersWithinAt(int p, double radius, Scratch s) {
        if (column != null) {
            return column.countWithinAt(p, radius);
        }
        return tree.countWithin(tree.pts, p * tree.d, radius, s.tree) - 1;
    }

    /**
     * Σ<sub>p</sub> ψ(c<sub>p</sub> + 1) over all rows, c<sub>p</sub> the number of other rows strictly within
     * {@code radiusAt[p]} of the row at position p (radii indexed by {@link #positionOf}), with the queries in
     * this marginal's own order for locality.
     */
    double sumDigammaOfCountsPlusOne(double[] radiusAt, int threads, BooleanSupplier cancelled) {
        if (tree != null && tree.vectorLeaves()) {
            return sumDigammaOfLeafBatchCounts(radiusAt, threads, cancelled);
        }
        return ParallelSum.sum(size(), threads, (from, to) -> {
            Scratch s = scratch();
            double acc = 0;
            for (int p = from; p < to; p++) {
                acc += Digamma.of(countOthersWithinAt(p, radiusAt[p], s) + 1);
            }
            return acc;
        }, cancelled);
    }

    /**
     * {@link #sumDigammaOfCountsPlusOne} with the counts taken a leaf of queries at a time ({@link LeafBatches});
     * those include the query itself, so c<sub>p</sub> + 1 is the count as it stands.
     */
    private double sumDigammaOfLeafBatchCounts(double[] radiusAt, int threads, BooleanSupplier cancelled) {
        int[] within = LeafBatches.countsWithin(tree, radiusAt, threads, cancelled);
        return ParallelSum.sum(size(), threads, (from, to) -> {
            double acc = 0;
            for (int p = from; p < to; p++) {
                acc += Digamma.of(within[p]);
            }
            return acc;
        }, cancelled);
    }

    /** The number of rows other than {@code row} at distance at most {@code radius} (≥ 0) from it. */
    int countOthersWithinClosed(int row, double radius, Scratch s) {
        return countOthersWithin(row, Math.nextUp(radius), s);
    }
}
