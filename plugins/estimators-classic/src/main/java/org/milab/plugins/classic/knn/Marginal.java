package org.milab.plugins.classic.knn;

/**
 * Range counts in one marginal space (the columns of X, of Y, ...): a {@link SortedColumn} for one column, a
 * {@link KdTree} for several.
 */
final class Marginal {

    private final SortedColumn column;
    private final KdTree tree;

    /** Over the rows of the row-major {@code data} with {@code d} columns. */
    Marginal(double[] data, int d) {
        this.column = d == 1 ? new SortedColumn(data, 1, 0) : null;
        this.tree = d == 1 ? null : new KdTree(data, d);
    }

    /** Working memory for one thread. */
    KdTree.Scratch scratch() {
        return tree == null ? null : new KdTree.Scratch(1, tree);
    }

    /** The number of rows other than {@code row} strictly closer than {@code radius} (&gt; 0) to it. */
    int countOthersWithin(int row, double radius, KdTree.Scratch s) {
        if (column != null) {
            return column.countWithin(row, radius);
        }
        return tree.countWithin(tree.pts, tree.position[row] * tree.d, radius, s) - 1;
    }

    /** The number of rows other than {@code row} at distance at most {@code radius} (≥ 0) from it. */
    int countOthersWithinClosed(int row, double radius, KdTree.Scratch s) {
        return countOthersWithin(row, Math.nextUp(radius), s);
    }
}
