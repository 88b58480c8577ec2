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
 * into leaves), {@link VectorLeafScan}'s SIMD passes with leaves of {@link #WIDE_LEAF} points, when the JDK's
 * {@code jdk.incubator.vector} module is present: an exact single-precision prefilter over a float copy of the
 * columns ({@link FloatColumns}), its candidates checked in double precision. Both give the same answers bit for
 * bit: distances are the same differences of the same doubles, and counts are integers.
 *
 * <p>Build: O(n log n) time (median split on the widest side), O(n d) memory (2 n d doubles for the points, and
 * n d floats with SIMD leaves).
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

    /**
     * Leaf size for neighbour searches from {@link #VECTOR_DIMENSION} dimensions on, with SIMD leaf scans: with the
     * 16-lane float prefilter, 128 beats 64 (10-D/10-D KSG, n = 100,000, thread CPU: 25.2-26.2 s against
     * 28.7-33.5 s; 5-D/5-D and 25-D/25-D at n = 20,000: 0.70-0.71 s against 0.78-0.83 s, and 6.3 s against 7.1 s),
     * 256 is no better than 128, 32 much worse.
     */
    static final int WIDE_LEAF = 128;

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
    /** The single-precision columns for {@link VectorLeafScan}'s prefilters (null without SIMD leaf scans). */
    final FloatColumns floats;

    /** Per-thread working memory for queries. */
    static final class Scratch {
        /** The k best of a neighbour search; {@link #dist} and {@link #who} are its arrays. */
        final KBest best;
        final double[] dist;
        final int[] who;
        final int[] stack;
        final double[] stackDist;
        final RangeQuery cube;
        /** The identity order of the axes, for scans of a single query. */
        final AxisOrder axes;

        Scratch(int k, KdTree tree) {
            axes = new AxisOrder(tree.d);
            best = new KBest(k, 1);
            dist = best.dist;
            who = best.who;
            cube = new RangeQuery(tree.d);
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
        this(b, vectorLeaves ? FloatColumns.of(b.cols) : null);
    }

    private KdTree(KdTreeBuilder b, FloatColumns floats) {
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
        this.floats = floats;
        this.vectorLeaves = floats != null;
    }

    /** Leaf size for neighbour searches in {@code d} dimensions: {@link #SEARCH_LEAF}, or {@link #WIDE_LEAF}. */
    static int searchLeaf(int d) {
        return d >= VECTOR_DIMENSION && VectorLeafScan.available() ? WIDE_LEAF : SEARCH_LEAF;
    }

    /** The same tree (sharing its arrays) with the scalar leaf scans: the reference the SIMD scans are tested on. */
    KdTree withScalarLeaves() {
        return new KdTree(built, (FloatColumns) null);
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
        scanLeaf(node, self, qo, k, s);
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
                scanLeaf(node, self, qo, k, s);
                continue;
            }
            top = pushChildren(node, gap, qo, s, top, dist[k - 1]);
        }
    }

    /**
     * Pushes the children of the inner {@code node} (lower bound {@code gap}) that may hold a point nearer than
     * {@code bound}, the near child on top; returns the new stack size. Incremental lower bounds instead of box
     * distances (measured faster in 6-D): the child on the query's side of the split plane is no nearer than its
     * parent, the child across it no nearer than the plane.
     */
    private int pushChildren(int node, double gap, int qo, Scratch s, int top, double bound) {
        double diff = pts[qo + splitAxis[node]] - splitValue[node];
        int right = diff >= 0 ? 1 : 0;
        int near = 2 * node + 1 + right;
        int far = 2 * node + 2 - right;
        return push(s, push(s, top, far, Math.max(gap, Math.abs(diff)), bound), near, gap, bound);
    }

    private static int push(Scratch s, int top, int node, double boxDist, double bound) {
        if (boxDist < bound) {
            s.stack[top] = node;
            s.stackDist[top] = boxDist;
            return top + 1;
        }
        return top;
    }

    /** Offers the points of the leaf {@code node} to the k best of the query at tree position {@code self}. */
    private void scanLeaf(int node, int self, int qo, int k, Scratch s) {
        if (vectorLeaves) {
            VectorLeafScan.nearest(this, nodeFrom[node], nodeTo[node], s.best.select(0, self), s.axes);
        } else if (d == 2) {
            scanLeaf2(node, self, qo, k, s.dist, s.who);
        } else {
            scanLeafScalar(node, self, s.best.select(0, self));
        }
    }

    /** The scalar leaf scan for 1 or 3 to {@link #VECTOR_DIMENSION} - 1 dimensions. */
    private void scanLeafScalar(int node, int self, KBest best) {
        int qo = self * d;
        double bound = best.bound();
        for (int t = nodeFrom[node], end = nodeTo[node]; t < end; t++) {
            double m = rowDistance(t * d, qo);
            if (m < bound) {
                best.offer(t, m);
                bound = best.bound();
            }
        }
    }

    /**
     * Max-norm distance between the rows at offsets {@code po} and {@code qo} of {@link #pts}: every coordinate,
     * without stopping early once past the bound (the early exit's branch is unpredictable and cost more than the
     * remaining coordinates: 6-D searches 15% faster), two at a time.
     */
    private double rowDistance(int po, int qo) {
        double m = Math.abs(pts[po] - pts[qo]);
        int j = 1;
        for (; j + 1 < d; j += 2) {
            m = Math.max(m, Math.max(Math.abs(pts[po + j] - pts[qo + j]),
                    Math.abs(pts[po + j + 1] - pts[qo + j + 1])));
        }
        if (j < d) {
            m = Math.max(m, Math.abs(pts[po + j] - pts[qo + j]));
        }
        return m;
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
     * {@code q[qo..qo+d)} is strictly less than {@code radius}: a subtree whose box lies inside the range counts
     * whole, one outside it is skipped, a straddling leaf is counted by {@link #countLeaf}.
     */
    int countWithin(double[] q, int qo, double radius, Scratch s) {
        RangeQuery cube = s.cube.at(q, qo, radius);
        int count = 0;
        int top = 0;
        s.stack[top++] = 0;
        while (top > 0) {
            int node = s.stack[--top];
            int overlap = overlap(node, cube);
            if (overlap == INSIDE) {
                count += nodeTo[node] - nodeFrom[node];
            } else if (overlap == STRADDLES && isLeaf(node)) {
                count += countLeaf(node, cube, s.axes);
            } else if (overlap == STRADDLES) {
                top = pushChildren(node, cube, s.stack, top);
            }
        }
        return count;
    }

    /** {@link #overlap}: the box lies inside the query's cube, is disjoint from it, or straddles its faces. */
    private static final int INSIDE = 1;
    private static final int DISJOINT = -1;
    private static final int STRADDLES = 0;

    /** How the box of {@code node} meets the cube: {@link #INSIDE}, {@link #DISJOINT} or {@link #STRADDLES}. */
    private int overlap(int node, RangeQuery cube) {
        int b = node * 2 * d;
        double radius = cube.radius;
        boolean inside = true;
        boolean disjoint = false;
        for (int j = 0; j < d; j++) {
            double v = cube.q[cube.qo + j];
            double below = v - box[b + j];
            double above = box[b + d + j] - v;
            disjoint |= -below >= radius | -above >= radius;
            inside &= below < radius & above < radius;
        }
        return disjoint ? DISJOINT : inside ? INSIDE : STRADDLES;
    }

    /**
     * Pushes the children of the internal node {@code node} that can meet the cube, the near one on top: the
     * child across the split plane is out of range when the plane is.
     */
    private int pushChildren(int node, RangeQuery cube, int[] stack, int top) {
        double diff = cube.q[cube.qo + splitAxis[node]] - splitValue[node];
        int right = diff >= 0 ? 1 : 0;
        int at = top;
        if (Math.abs(diff) < cube.radius) {
            stack[at++] = 2 * node + 2 - right;
        }
        stack[at++] = 2 * node + 1 + right;
        return at;
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

    /**
     * Points of the leaf {@code node} strictly inside {@code cube} (its radius &gt; 0), its straddled axes compared
     * in the order {@code order}.
     */
    int countInLeaf(int node, RangeQuery cube, AxisOrder order) {
        return boxNearer(node, cube.q, cube.qo, cube.radius) ? countLeaf(node, cube, order) : 0;
    }

    /**
     * Points of a leaf strictly inside the cube. Only the axes on which the leaf's box reaches beyond the cube can
     * exclude a point, so only those are compared: with SIMD leaves and more than two such axes,
     * {@link VectorLeafScan#countInside}; else {@link #countOneAxis}, {@link #countTwoAxes} or
     * {@link #countByMasks}. All are branch-free.
     */
    private int countLeaf(int node, RangeQuery cube, AxisOrder order) {
        int cuts = cube.straddle(box, node * 2 * d, d, order);
        if (vectorLeaves && cuts > 2) {
            return VectorLeafScan.countInside(this, nodeFrom[node], nodeTo[node], cube);
        }
        if (cuts == 1) {
            return countOneAxis(node, cube);
        }
        return cuts == 2 ? countTwoAxes(node, cube) : countByMasks(node, cube);
    }

    /** One straddled axis (a leaf at a face of the cube, the common case): a counting pass over that column. */
    private int countOneAxis(int node, RangeQuery cube) {
        int j = cube.cut[0];
        double v = cube.q[cube.qo + j];
        double radius = cube.radius;
        int count = 0;
        for (int t = j * n + nodeFrom[node], end = j * n + nodeTo[node]; t < end; t++) {
            count += Math.abs(cols[t] - v) < radius ? 1 : 0;
        }
        return count;
    }

    /** Two straddled axes: one pass over both columns. */
    private int countTwoAxes(int node, RangeQuery cube) {
        double v0 = cube.q[cube.qo + cube.cut[0]];
        double v1 = cube.q[cube.qo + cube.cut[1]];
        int b0 = cube.cut[0] * n;
        int b1 = cube.cut[1] * n;
        double radius = cube.radius;
        int count = 0;
        for (int t = nodeFrom[node], end = nodeTo[node]; t < end; t++) {
            count += Math.abs(cols[b0 + t] - v0) < radius & Math.abs(cols[b1 + t] - v1) < radius ? 1 : 0;
        }
        return count;
    }

    /**
     * Any number of straddled axes: one pass per axis marking the points inside in a bit mask, 64 points at a
     * time, and the count is the population of the masks' intersection (measured faster than a fused pass for
     * three axes of a 3-D marginal, slower for two).
     */
    private int countByMasks(int node, RangeQuery cube) {
        int count = 0;
        for (int from = nodeFrom[node], end = nodeTo[node]; from < end; from += Long.SIZE) {
            int size = Math.min(Long.SIZE, end - from);
            long inside = -1L >>> (Long.SIZE - size);
            for (int c = 0; c < cube.cuts; c++) {
                inside &= insideMask(cube.cut[c], from, size, cube);
            }
            count += Long.bitCount(inside);
        }
        return count;
    }

    /** Bit t set when the point at tree position from + t is inside the cube on axis j (t &lt; size ≤ 64). */
    private long insideMask(int j, int from, int size, RangeQuery cube) {
        double v = cube.q[cube.qo + j];
        double radius = cube.radius;
        int base = j * n + from;
        long mask = 0;
        for (int t = 0; t < size; t++) {
            mask |= (Math.abs(cols[base + t] - v) < radius ? 1L : 0L) << t;
        }
        return mask;
    }
}
