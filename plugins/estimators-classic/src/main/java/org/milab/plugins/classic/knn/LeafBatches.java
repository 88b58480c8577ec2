package org.milab.plugins.classic.knn;

import java.util.function.BooleanSupplier;
import org.milab.plugins.classic.common.ParallelSum;

/**
 * Whole-data-set queries of a {@link KdTree} in many dimensions, answered one query leaf at a time: the k-th-neighbour
 * distance of every point, and every point's count of points within its own radius.
 *
 * <p>Why: from about ten dimensions a KD-tree prunes little (in 20-D at n = 100,000 a search visits about 40% of
 * the leaves), so each query streams most of the data through the cache, and the points of all leaves do not fit
 * in it. Here the queries of one leaf (up to {@link KdTree#WIDE_LEAF}, close together in space) walk the tree
 * together, pruned by the distance between the query leaf's box and a node's box against the largest of their
 * bounds; a leaf that survives is scanned for each query whose own point-to-box distance is below its own bound,
 * while it is in the L1 cache. Per query the work is that of {@link KdTree#knn} or {@link KdTree#countWithin}
 * with per-leaf pruning; memory traffic falls by the number of queries per leaf.
 *
 * <p>The answers are those of the one-query methods exactly: the same distances of the same doubles, and integer
 * counts (no whole-subtree counting here: in many dimensions a query's cube almost never holds a whole node).
 */
final class LeafBatches {

    private LeafBatches() {
    }

    /**
     * The distance from every point to its k-th nearest other point (requires n &gt; k), indexed by tree position,
     * on {@code threads} workers.
     */
    static double[] kthDistances(KdTree tree, int k, int threads, BooleanSupplier cancelled) {
        double[] eps = new double[tree.n];
        ParallelSum.sum(tree.n, threads, (from, to) -> {
            Walk w = new Walk(tree, k);
            for (int t = from; t < to; t++) {
                int leaf = tree.leafOf[t];
                if (tree.nodeFrom[leaf] == t) {
                    w.nearest(leaf, eps);
                }
            }
            return 0;
        }, cancelled);
        return eps;
    }

    /**
     * For every tree position p, the number of points (p's own included) strictly closer than
     * {@code radiusAt[p]} (&gt; 0) to it, on {@code threads} workers.
     */
    static int[] countsWithin(KdTree tree, double[] radiusAt, int threads, BooleanSupplier cancelled) {
        int[] counts = new int[tree.n];
        ParallelSum.sum(tree.n, threads, (from, to) -> {
            Walk w = new Walk(tree, 1);
            for (int t = from; t < to; t++) {
                int leaf = tree.leafOf[t];
                if (tree.nodeFrom[leaf] == t) {
                    w.count(leaf, radiusAt, counts);
                }
            }
            return 0;
        }, cancelled);
        return counts;
    }

    /** One worker's state: the k best of each query of the current leaf, and the traversal stack. */
    private static final class Walk {
        private final KdTree tree;
        private final int d;
        private final KBest best;
        private final RangeQuery cube;
        /** The scan order of the axes: by gap for the neighbour scans, the identity for the counts. */
        private final AxisOrder order;
        private final AxisOrder identity;
        private final int[] stack;
        private final double[] stackGap;

        Walk(KdTree tree, int k) {
            this.tree = tree;
            this.d = tree.d;
            best = new KBest(k, KdTree.WIDE_LEAF);
            cube = new RangeQuery(d);
            order = new AxisOrder(d);
            identity = new AxisOrder(d);
            stack = new int[2 * tree.depth + 4];
            stackGap = new double[2 * tree.depth + 4];
        }

        /**
         * Sets {@code eps[t]} for the points t of leaf {@code leaf}: their own leaf first (to get bounds), then
         * the other leaves nearer than the largest bound, each scanned for the queries it can still improve.
         */
        void nearest(int leaf, double[] eps) {
            int from = tree.nodeFrom[leaf];
            int size = tree.nodeTo[leaf] - from;
            best.clear(size);
            scanForAll(leaf, leaf);
            int top = push(0, 0, leaf, worstBound(size));
            while (top > 0) {
                int node = stack[--top];
                double worst = worstBound(size);
                if (node == leaf || stackGap[top] >= worst) {
                    continue;
                }
                if (tree.isLeaf(node)) {
                    scanForAll(node, leaf);
                } else {
                    top = pushChildren(top, node, leaf, worst);
                }
            }
            for (int i = 0; i < size; i++) {
                eps[from + i] = best.bound(i);
            }
        }

        /**
         * Offers the points of leaf {@code node} to each query of leaf {@code leaf} whose bound the node's box
         * comes within (every one, for the query leaf itself).
         */
        private void scanForAll(int node, int leaf) {
            order.byGap(tree.box, node * 2 * d, leaf * 2 * d, d);
            int from = tree.nodeFrom[leaf];
            for (int i = 0, size = tree.nodeTo[leaf] - from; i < size; i++) {
                int self = from + i;
                if (tree.boxNearer(node, tree.pts, self * d, best.bound(i))) {
                    VectorLeafScan.nearest(tree, tree.nodeFrom[node], tree.nodeTo[node], best.select(i, self), order);
                }
            }
        }

        /** Adds to {@code counts[t]} for the points t of leaf {@code leaf}, within their radii. */
        void count(int leaf, double[] radiusAt, int[] counts) {
            int from = tree.nodeFrom[leaf];
            int size = tree.nodeTo[leaf] - from;
            double widest = 0;
            for (int i = 0; i < size; i++) {
                widest = Math.max(widest, radiusAt[from + i]);
            }
            int top = push(0, 0, leaf, widest);
            while (top > 0) {
                int node = stack[--top];
                if (tree.isLeaf(node)) {
                    for (int t = from; t < from + size; t++) {
                        counts[t] += tree.countInLeaf(node, cube.at(tree.pts, t * d, radiusAt[t]), identity);
                    }
                } else {
                    top = pushChildren(top, node, leaf, widest);
                }
            }
        }

        private double worstBound(int size) {
            double worst = 0;
            for (int i = 0; i < size; i++) {
                worst = Math.max(worst, best.bound(i));
            }
            return worst;
        }

        /** Pushes the children of {@code node} nearer than {@code bound} to the query leaf, the nearer one last. */
        private int pushChildren(int top, int node, int leaf, double bound) {
            int l = 2 * node + 1;
            double gl = gap(l, leaf);
            double gr = gap(l + 1, leaf);
            if (gl <= gr) {
                return push(push(top, l + 1, bound, gr), l, bound, gl);
            }
            return push(push(top, l, bound, gl), l + 1, bound, gr);
        }

        private int push(int top, int node, int leaf, double bound) {
            return push(top, node, bound, gap(node, leaf));
        }

        private int push(int top, int node, double bound, double gap) {
            if (gap < bound) {
                stack[top] = node;
                stackGap[top] = gap;
                return top + 1;
            }
            return top;
        }

        /** Max-norm distance between the boxes of {@code node} and of the query leaf (0 where they overlap). */
        private double gap(int node, int leaf) {
            double[] box = tree.box;
            int a = node * 2 * d;
            int b = leaf * 2 * d;
            double g = 0;
            for (int j = 0; j < d; j++) {
                g = Math.max(g, Math.max(box[a + j] - box[b + d + j], box[b + j] - box[a + d + j]));
            }
            return g;
        }
    }
}
