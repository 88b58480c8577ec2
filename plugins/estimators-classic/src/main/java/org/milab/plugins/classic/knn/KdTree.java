package org.milab.plugins.classic.knn;

import java.util.Arrays;

/**
 * A static KD-tree in the max norm over {@code n} points of dimension {@code d}, stored in primitive arrays (built
 * by {@link KdTreeBuilder}): the points are copied in tree order so a leaf is one contiguous run, twice (row by row
 * for the neighbour searches, which read every coordinate of a point; column by column for the range counts, which
 * read one or two); every node keeps its bounding box (for pruning and whole-subtree counts) and its cell, the slab
 * of space its splits give it (to stop a search early).
 *
 * <p>Queries: k-nearest-neighbour distances of a data point (excluding itself), searched bottom-up from the
 * point's own leaf until the k-th-neighbour ball lies inside the current cell; and range counts (points strictly
 * closer than a radius), counting a subtree at once when its box lies inside the range and testing a leaf that
 * straddles the range's faces with branch-free passes over the straddled coordinates only. Below a node, both
 * bound the child across its split plane by the plane's distance (one subtraction instead of a box distance) and
 * skip it when that reaches the current bound.
 *
 * <p>The algorithm for the leaves depends on the dimension. Up to {@link #VECTOR_DIMENSION} - 1 coordinates, the
 * scalar scans below; from {@link #VECTOR_DIMENSION} on (where a KD-tree prunes little and most of the time goes
 * into leaves), {@link VectorLeafScan}'s SIMD passes over the column copy with leaves of {@link #WIDE_LEAF}
 * points, when the JDK's {@code jdk.incubator.vector} module is present. Both give the same answers bit for bit:
 * distances are the same differences of the same doubles, and counts are integers.
 *
 * <p>Build: O(n log n) time (median split on the widest side), O(n d) memory (2 n d doubles for the points).
 * Queries allocate nothing: callers pass a {@link Scratch} they own, one per thread.
 */
final class KdTree {

    /**
     * Leaf size for neighbour searches: with branch-free leaf scans, leaves of up to 16 points beat 8 (2-D and 6-D
     * KSG joint spaces, n = 100,000: 3% and 5% less time; 32 was no better).
     */
    static final int SEARCH_LEAF = 16;

    /** Dimension from which leaves are scanned with SIMD passes (when available) and searches use wide leaves. */
    static final int VECTOR_DIMENSION = 8;

    /** Leaf size for neighbour searches from {@link #VECTOR_DIMENSION} dimensions on, with SIMD leaf scans. */
    static final int WIDE_LEAF = 64;

    /** Values after the last column of {@link #cols}, so that a SIMD load from inside it stays in the array. */
    static final int COLUMN_PADDING = 16;

    final int n;
    final int d;
    /** Points in tree order, row-major. */
    final double[] pts;
    /**
     * The same points column by column, {@code cols[j * n + t]}: a range count reads one or two coordinates of
     * every point of a leaf, which this layout packs into contiguous runs (a third of the cache lines in 3-D).
     */
    final double[] cols;
    /** {@code index[t]}: original row of the point at tree position t. */
    final int[] index;
    /** {@code position[i]}: tree position of original row i. */
    final int[] position;
    private final int leafSize;
    final int[] nodeFrom;
    final int[] nodeTo;
    /**
     * Bounding boxes, node-major, low corner then high corner: {@code box[node*2d + j]}, {@code box[node*2d + d + j]}.
     */
    final double[] box;
    /** {@code splitAxis[node]}, {@code splitValue[node]}: the plane an internal node splits at. */
    private final int[] splitAxis;
    private final double[] splitValue;
    /** Cells, laid out like {@link #box}; infinite at the outer sides. */
    private final double[] cell;
    /** {@code leafOf[t]}: the leaf holding tree position t. */
    final int[] leafOf;
    final int depth;
    /** The arrays above, as built (kept for {@link #withScalarLeaves}). */
    private final KdTreeBuilder built;
    /** Whether leaves are scanned by {@link VectorLeafScan}. */
    private final boolean vectorLeaves;

    /** Per-thread working memory for queries. */
    static final class Scratch {
        final double[] dist;
        final int[] who;
        final int[] stack;
        final double[] stackDist;
        final int[] cut;

        Scratch(int k, KdTree tree) {
            cut = new int[tree.d];
            dist = new double[Math.max(k, 1)];
            who = new int[Math.max(k, 1)];
            stack = new int[2 * tree.depth + 4];
            stackDist = new double[2 * tree.depth + 4];
        }
    }

    /** A tree for neighbour searches, with the leaf size its dimension calls for ({@link #searchLeaf}). */
    KdTree(double[] data, int d) {
        this(data, d, searchLeaf(d));
    }

    /**
     * Builds a tree over the rows of the row-major {@code data} ({@code n} rows of {@code d} values), with at most
     * {@code leafSize} points per leaf. {@code data} is not kept.
     */
    KdTree(double[] data, int d, int leafSize) {
        this(new KdTreeBuilder(data.length / d, d, leafSize).bySelection(data), VectorLeafScan.usable(d));
    }

    /**
     * As {@link #KdTree(double[], int, int)}, but when {@code orders} is given ({@code orders[j]}: the rows sorted
     * by coordinate j, as a {@link SortedColumn} provides them; consumed; {@code ranks[j]} its inverse, kept) the
     * median splits are read off the orders (see {@link KdTreeBuilder#presorted}), on up to {@code threads}
     * workers.
     */
    KdTree(double[] data, int d, int leafSize, int[][] orders, int[][] ranks, int threads) {
        this(orders == null ? new KdTreeBuilder(data.length / d, d, leafSize).bySelection(data)
                : new KdTreeBuilder(data.length / d, d, leafSize).presorted(data, orders, ranks, threads),
                VectorLeafScan.usable(d));
    }

    private KdTree(KdTreeBuilder b, boolean vectorLeaves) {
        n = b.n;
        d = b.d;
        pts = b.pts;
        cols = b.cols;
        index = b.index;
        position = b.position;
        leafSize = b.leafSize;
        nodeFrom = b.nodeFrom;
        nodeTo = b.nodeTo;
        box = b.box;
        splitAxis = b.splitAxis;
        splitValue = b.splitValue;
        cell = b.cell;
        leafOf = b.leafOf;
        depth = b.depth;
        built = b;
        this.vectorLeaves = vectorLeaves;
    }

    /** Leaf size for neighbour searches in {@code d} dimensions: {@link #SEARCH_LEAF}, or {@link #WIDE_LEAF}. */
    static int searchLeaf(int d) {
        return d >= VECTOR_DIMENSION && VectorLeafScan.available() ? WIDE_LEAF : SEARCH_LEAF;
    }

    /** The same tree (sharing its arrays) with the scalar leaf scans: the reference the SIMD scans are tested on. */
    KdTree withScalarLeaves() {
        return new KdTree(built, false);
    }

    /** Whether leaves are scanned with SIMD passes. */
    boolean vectorLeaves() {
        return vectorLeaves;
    }

    boolean isLeaf(int node) {
        return nodeTo[node] - nodeFrom[node] <= leafSize;
    }

    /**
     * Max-norm distance from the query at {@code q[qo..qo+d)} to the box of {@code node} (0 inside). All axes are
     * always compared: a branch-free loop is faster than stopping early once the distance exceeds the k-th one.
     */
    double boxDistance(int node, double[] q, int qo) {
        if (d == 2) {
            int b = node * 4;
            double v0 = q[qo];
            double v1 = q[qo + 1];
            return Math.max(Math.max(0, Math.max(box[b] - v0, v0 - box[b + 2])),
                    Math.max(box[b + 1] - v1, v1 - box[b + 3]));
        }
        int b = node * 2 * d;
        double m = 0;
        for (int j = 0; j < d; j++) {
            double v = q[qo + j];
            m = Math.max(m, Math.max(box[b + j] - v, v - box[b + d + j]));
        }
        return m;
    }

    /** Whether every point outside {@code node}'s subtree is at distance ≥ {@code radius} from the query. */
    private boolean ballInsideCell(int node, int qo, double radius) {
        int b = node * 2 * d;
        for (int j = 0; j < d; j++) {
            double v = pts[qo + j];
            if (v - cell[b + j] < radius || cell[b + d + j] - v < radius) {
                return false;
            }
        }
        return true;
    }

    /**
     * The k nearest neighbours of the point at tree position {@code self} among the other points. On return
     * {@code s.dist[0..k)} holds their distances in ascending order and {@code s.who[0..k)} their tree positions.
     * Requires {@code n > k}.
     *
     * @return the distance to the k-th neighbour
     */
    double knn(int self, int k, Scratch s) {
        double[] dist = s.dist;
        int qo = self * d;
        Arrays.fill(dist, 0, k, Double.POSITIVE_INFINITY);
        int node = leafOf[self];
        scanLeaf(node, self, qo, k, dist, s.who);
        while (node != 0 && !ballInsideCell(node, qo, dist[k - 1])) {
            int sibling = (node & 1) == 1 ? node + 1 : node - 1;
            double gap = boxDistance(sibling, pts, qo);
            if (gap < dist[k - 1]) {
                searchDown(sibling, gap, self, qo, k, s);
            }
            node = (node - 1) >> 1;
        }
        return dist[k - 1];
    }

    /**
     * Top-down search of the subtree at {@code root} ({@code rootGap}: its box distance), nearer child first, pruned
     * by lower bounds on the children's distances.
     */
    private void searchDown(int root, double rootGap, int self, int qo, int k, Scratch s) {
        double[] dist = s.dist;
        int top = 0;
        s.stack[top] = root;
        s.stackDist[top++] = rootGap;
        while (top > 0) {
            top--;
            int node = s.stack[top];
            double gap = s.stackDist[top];
            if (gap >= dist[k - 1]) {
                continue;
            }
            if (isLeaf(node)) {
                scanLeaf(node, self, qo, k, dist, s.who);
                continue;
            }
            // incremental lower bounds instead of box distances (measured faster in 6-D): the child on the query's
            // side of the split plane is no nearer than its parent, the child across it no nearer than the plane;
            // the near child is searched first
            double diff = pts[qo + splitAxis[node]] - splitValue[node];
            int right = diff >= 0 ? 1 : 0;
            int near = 2 * node + 1 + right;
            int far = 2 * node + 2 - right;
            double bound = dist[k - 1];
            top = push(s, top, far, Math.max(gap, Math.abs(diff)), bound);
            top = push(s, top, near, gap, bound);
        }
    }

    private static int push(Scratch s, int top, int node, double boxDist, double bound) {
        if (boxDist < bound) {
            s.stack[top] = node;
            s.stackDist[top] = boxDist;
            return top + 1;
        }
        return top;
    }

    private void scanLeaf(int node, int self, int qo, int k, double[] dist, int[] who) {
        if (vectorLeaves) {
            VectorLeafScan.nearest(this, nodeFrom[node], nodeTo[node], self, qo, k, dist, who, 0);
            return;
        }
        if (d == 2) {
            scanLeaf2(node, self, qo, k, dist, who);
            return;
        }
        double bound = dist[k - 1];
        double q0 = pts[qo];
        double q1 = d > 1 ? pts[qo + 1] : 0;
        for (int t = nodeFrom[node], end = nodeTo[node]; t < end; t++) {
            int po = t * d;
            double m = Math.abs(pts[po] - q0);
            if (d > 1) {
                m = Math.max(m, Math.abs(pts[po + 1] - q1));
                // every coordinate, without stopping early once past the bound: the early exit's branch is
                // unpredictable and cost more than the remaining coordinates (6-D: 15% faster searches)
                int j = 2;
                for (; j + 1 < d; j += 2) {
                    m = Math.max(m, Math.max(Math.abs(pts[po + j] - pts[qo + j]),
                            Math.abs(pts[po + j + 1] - pts[qo + j + 1])));
                }
                if (j < d) {
                    m = Math.max(m, Math.abs(pts[po + j] - pts[qo + j]));
                }
            }
            if (m < bound && t != self) {
                int at = k - 1;
                while (at > 0 && dist[at - 1] > m) {
                    dist[at] = dist[at - 1];
                    who[at] = who[at - 1];
                    at--;
                }
                dist[at] = m;
                who[at] = t;
                bound = dist[k - 1];
            }
        }
    }

    /**
     * {@link #scanLeaf} for two dimensions, unrolled. The insertion into the k best is written out here as in
     * {@link #scanLeaf}: a shared helper measured 6% slower on 1-D KSG (n = 100,000).
     */
    private void scanLeaf2(int node, int self, int qo, int k, double[] dist, int[] who) {
        double bound = dist[k - 1];
        double q0 = pts[qo];
        double q1 = pts[qo + 1];
        for (int t = nodeFrom[node], end = nodeTo[node]; t < end; t++) {
            double m = Math.max(Math.abs(pts[2 * t] - q0), Math.abs(pts[2 * t + 1] - q1));
            if (m < bound && t != self) {
                int at = k - 1;
                while (at > 0 && dist[at - 1] > m) {
                    dist[at] = dist[at - 1];
                    who[at] = who[at - 1];
                    at--;
                }
                dist[at] = m;
                who[at] = t;
                bound = dist[k - 1];
            }
        }
    }

    /**
     * Counts the points (the query's own, if it is a data point, included) whose max-norm distance to the query at
     * {@code q[qo..qo+d)} is strictly less than {@code radius}.
     */
    int countWithin(double[] q, int qo, double radius, Scratch s) {
        int count = 0;
        int top = 0;
        s.stack[top++] = 0;
        while (top > 0) {
            int node = s.stack[--top];
            int b = node * 2 * d;
            boolean inside = true;
            boolean disjoint = false;
            for (int j = 0; j < d; j++) {
                double v = q[qo + j];
                double below = v - box[b + j];
                double above = box[b + d + j] - v;
                disjoint |= -below >= radius | -above >= radius;
                inside &= below < radius & above < radius;
            }
            if (disjoint) {
                continue;
            }
            if (inside) {
                count += nodeTo[node] - nodeFrom[node];
            } else if (isLeaf(node)) {
                count += countLeaf(node, q, qo, radius, s.cut);
            } else {
                // the child across the split plane is out of range when the plane is
                double diff = q[qo + splitAxis[node]] - splitValue[node];
                int right = diff >= 0 ? 1 : 0;
                if (Math.abs(diff) < radius) {
                    s.stack[top++] = 2 * node + 2 - right;
                }
                s.stack[top++] = 2 * node + 1 + right;
            }
        }
        return count;
    }

    /**
     * Whether the box of {@code node} comes strictly closer than {@code bound} to the query at {@code q[qo..)}
     * (its max-norm distance is below the bound). Stops at the first axis that rules it out: in many dimensions a
     * box is usually out after a few axes, and this ran faster than the branch-free {@link #boxDistance}.
     */
    boolean boxNearer(int node, double[] q, int qo, double bound) {
        int b = node * 2 * d;
        for (int j = 0; j < d; j++) {
            double v = q[qo + j];
            if (box[b + j] - v >= bound | v - box[b + d + j] >= bound) {
                return false;
            }
        }
        return true;
    }

    /** Points of the leaf {@code node} strictly within {@code radius} (&gt; 0) of the query at {@code q[qo..)}. */
    int countInLeaf(int node, double[] q, int qo, double radius, int[] cut) {
        return boxNearer(node, q, qo, radius) ? countLeaf(node, q, qo, radius, cut) : 0;
    }

    /**
     * Points of a leaf strictly within {@code radius} of the query. Only the axes on which the leaf's box reaches
     * beyond the query's cube can exclude a point, so only those are compared: for one such axis (a leaf at a face
     * of the cube, the common case) a plain counting pass over that coordinate's contiguous column; for two, one pass
     * over both columns; for more, one pass per axis marking the points inside in a bit mask, 64 points at a time,
     * and the count is the population of the masks' intersection (measured faster than a fused pass for three axes
     * of a 3-D marginal, slower for two). All are branch-free.
     */
    private int countLeaf(int node, double[] q, int qo, double radius, int[] cut) {
        int b = node * 2 * d;
        int cuts = 0;
        for (int j = 0; j < d; j++) {
            double v = q[qo + j];
            if (v - box[b + j] >= radius || box[b + d + j] - v >= radius) {
                cut[cuts++] = j;
            }
        }
        if (vectorLeaves && cuts > 2) {
            return VectorLeafScan.countInside(this, nodeFrom[node], nodeTo[node], q, qo, radius, cut, cuts);
        }
        int count = 0;
        if (cuts == 1) {
            double v = q[qo + cut[0]];
            int base = cut[0] * n;
            for (int t = base + nodeFrom[node], end = base + nodeTo[node]; t < end; t++) {
                count += Math.abs(cols[t] - v) < radius ? 1 : 0;
            }
            return count;
        }
        if (cuts == 2) {
            double v0 = q[qo + cut[0]];
            double v1 = q[qo + cut[1]];
            int b0 = cut[0] * n;
            int b1 = cut[1] * n;
            for (int t = nodeFrom[node], end = nodeTo[node]; t < end; t++) {
                count += Math.abs(cols[b0 + t] - v0) < radius & Math.abs(cols[b1 + t] - v1) < radius ? 1 : 0;
            }
            return count;
        }
        for (int from = nodeFrom[node], end = nodeTo[node]; from < end; from += Long.SIZE) {
            int size = Math.min(Long.SIZE, end - from);
            long inside = -1L >>> (Long.SIZE - size);
            for (int c = 0; c < cuts; c++) {
                int j = cut[c];
                double v = q[qo + j];
                int base = j * n + from;
                long mask = 0;
                for (int t = 0; t < size; t++) {
                    mask |= (Math.abs(cols[base + t] - v) < radius ? 1L : 0L) << t;
                }
                inside &= mask;
            }
            count += Long.bitCount(inside);
        }
        return count;
    }
}
