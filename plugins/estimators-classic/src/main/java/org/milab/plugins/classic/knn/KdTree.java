package org.milab.plugins.classic.knn;

import java.util.Arrays;
import org.milab.plugins.classic.common.ParallelSum;

/**
 * A static KD-tree in the max norm over {@code n} points of dimension {@code d}, stored in primitive arrays: the
 * points are copied in tree order so a leaf is one contiguous run, twice (row by row for the neighbour searches,
 * which read every coordinate of a point; column by column for the range counts, which read one or two); every
 * node keeps its bounding box (for pruning and whole-subtree counts) and its cell, the slab of space its splits
 * give it (to stop a search early).
 *
 * <p>Queries: k-nearest-neighbour distances of a data point (excluding itself), searched bottom-up from the
 * point's own leaf until the k-th-neighbour ball lies inside the current cell; and range counts (points strictly
 * closer than a radius), counting a subtree at once when its box lies inside the range and testing a leaf that
 * straddles the range's faces with branch-free passes over the straddled coordinates only. Below a node, both
 * bound the child across its split plane by the plane's distance (one subtraction instead of a box distance) and
 * skip it when that reaches the current bound.
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

    final int n;
    final int d;
    /** Points in tree order, row-major. */
    final double[] pts;
    /**
     * The same points column by column, {@code cols[j * n + t]}: a range count reads one or two coordinates of
     * every point of a leaf, which this layout packs into contiguous runs (a third of the cache lines in 3-D).
     */
    private final double[] cols;
    /** {@code index[t]}: original row of the point at tree position t. */
    final int[] index;
    /** {@code position[i]}: tree position of original row i. */
    final int[] position;
    private final int leafSize;
    private final int[] nodeFrom;
    private final int[] nodeTo;
    /**
     * Bounding boxes, node-major, low corner then high corner: {@code box[node*2d + j]}, {@code box[node*2d + d + j]}.
     */
    private final double[] box;
    /** {@code splitAxis[node]}, {@code splitValue[node]}: the plane an internal node splits at. */
    private final int[] splitAxis;
    private final double[] splitValue;
    /** Cells, laid out like {@link #box}; infinite at the outer sides. */
    private final double[] cell;
    /** {@code leafOf[t]}: the leaf holding tree position t. */
    private final int[] leafOf;
    private final int depth;

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

    /** A tree for neighbour searches, with leaves of {@link #SEARCH_LEAF} points. */
    KdTree(double[] data, int d) {
        this(data, d, SEARCH_LEAF);
    }

    /**
     * Builds a tree over the rows of the row-major {@code data} ({@code n} rows of {@code d} values), with at most
     * {@code leafSize} points per leaf. {@code data} is not kept.
     */
    KdTree(double[] data, int d, int leafSize) {
        this(data, d, leafSize, null, null, 1);
    }

    /**
     * As {@link #KdTree(double[], int, int)}, but when {@code orders} is given ({@code orders[j]}: the rows sorted
     * by coordinate j, as a {@link SortedColumn} provides them; consumed; {@code ranks[j]} its inverse, kept) the
     * median splits are read off the orders and kept by stable partitions, O(n d) per level with no comparisons,
     * instead of by selection. The presorted build and the copies run on up to {@code threads} workers (the two
     * halves of the root concurrently); the tree is the same for every thread count.
     */
    KdTree(double[] data, int d, int leafSize, int[][] orders, int[][] ranks, int threads) {
        this.d = d;
        this.n = data.length / d;
        this.leafSize = leafSize;
        int levels = 0;
        for (int size = n; size > leafSize; size = (size + 1) / 2) {
            levels++;
        }
        this.depth = levels + 1;
        int nodes = (1 << (levels + 1)) - 1;
        nodeFrom = new int[nodes];
        nodeTo = new int[nodes];
        splitAxis = new int[nodes];
        splitValue = new double[nodes];
        box = new double[nodes * 2 * d];
        cell = new double[nodes * 2 * d];
        leafOf = new int[n];
        index = new int[n];
        for (int j = 0; j < d; j++) {
            cell[j] = Double.NEGATIVE_INFINITY;
            cell[d + j] = Double.POSITIVE_INFINITY;
        }
        if (orders == null) {
            pts = data.clone();
            for (int i = 0; i < n; i++) {
                index[i] = i;
            }
            build(0, 0, n);
        } else {
            int[] tmp = new int[n];
            pts = new double[n * d];
            int half = buildNode(0, 0, n, data, orders, ranks, tmp);
            if (half < 0) {
                copyRows(0, n, data, orders[0]);
                boxes(0);
            } else {
                ParallelSum.runAll(threads, () -> buildHalf(1, 0, half, data, orders, ranks, tmp),
                        () -> buildHalf(2, half, n, data, orders, ranks, tmp));
                joinChildBoxes(0);
            }
            System.arraycopy(orders[0], 0, index, 0, n);
        }
        position = new int[n];
        cols = new double[n * d];
        for (int t = 0; t < n; t++) {
            position[index[t]] = t;
            for (int j = 0; j < d; j++) {
                cols[j * n + t] = pts[t * d + j];
            }
        }
    }

    private void build(int node, int from, int to) {
        nodeFrom[node] = from;
        nodeTo[node] = to;
        int b = node * 2 * d;
        if (to - from <= leafSize) {
            for (int j = 0; j < d; j++) {
                box[b + j] = Double.POSITIVE_INFINITY;
                box[b + d + j] = Double.NEGATIVE_INFINITY;
            }
            for (int t = from; t < to; t++) {
                leafOf[t] = node;
                for (int j = 0; j < d; j++) {
                    double v = pts[t * d + j];
                    box[b + j] = Math.min(box[b + j], v);
                    box[b + d + j] = Math.max(box[b + d + j], v);
                }
            }
            return;
        }
        int axis = widestAxis(from, to);
        int mid = (from + to + 1) >>> 1;
        select(from, to - 1, mid, axis);
        double split = pts[mid * d + axis];
        splitAxis[node] = axis;
        splitValue[node] = split;
        int l = 2 * node + 1;
        int r = l + 1;
        System.arraycopy(cell, b, cell, l * 2 * d, 2 * d);
        System.arraycopy(cell, b, cell, r * 2 * d, 2 * d);
        cell[l * 2 * d + d + axis] = split;
        cell[r * 2 * d + axis] = split;
        build(l, from, mid);
        build(r, mid, to);
        joinChildBoxes(node);
    }

    /** The subtree at {@code node} over [from, to), built, with its rows copied to {@link #pts} and its boxes. */
    private void buildHalf(int node, int from, int to, double[] data, int[][] orders, int[][] ranks, int[] tmp) {
        buildPresorted(node, from, to, data, orders, ranks, tmp);
        copyRows(from, to, data, orders[0]);
        boxes(node);
    }

    /** Rows {@code order[from..to)} of {@code data} copied, in that order, to {@link #pts} from position from. */
    private void copyRows(int from, int to, double[] data, int[] order) {
        for (int t = from; t < to; t++) {
            System.arraycopy(data, order[t] * d, pts, t * d, d);
        }
    }

    /** Structure and cells of the subtree at {@code node} from per-axis orders of the original rows. */
    private void buildPresorted(int node, int from, int to, double[] data, int[][] orders, int[][] ranks, int[] tmp) {
        int mid = buildNode(node, from, to, data, orders, ranks, tmp);
        if (mid >= 0) {
            buildPresorted(2 * node + 1, from, mid, data, orders, ranks, tmp);
            buildPresorted(2 * node + 2, mid, to, data, orders, ranks, tmp);
        }
    }

    /** Node {@code node} over [from, to): a leaf (returns -1), or split (returns where its right child starts). */
    private int buildNode(int node, int from, int to, double[] data, int[][] orders, int[][] ranks, int[] tmp) {
        nodeFrom[node] = from;
        nodeTo[node] = to;
        if (to - from <= leafSize) {
            for (int t = from; t < to; t++) {
                leafOf[t] = node;
            }
            return -1;
        }
        return split(node, from, to, data, orders, ranks, tmp);
    }

    /**
     * Splits the internal node {@code node} over [from, to) at the median of its widest axis: partitions every
     * other axis's order and sets the children's cells; returns the split position.
     */
    private int split(int node, int from, int to, double[] data, int[][] orders, int[][] ranks, int[] tmp) {
        int axis = 0;
        double widest = -1;
        for (int j = 0; j < d; j++) {
            double spread = data[orders[j][to - 1] * d + j] - data[orders[j][from] * d + j];
            if (spread > widest) {
                widest = spread;
                axis = j;
            }
        }
        int mid = (from + to + 1) >>> 1;
        int[] byAxis = orders[axis];
        // within the node, the rows in the first half of its axis order are those of smaller global rank
        int threshold = ranks[axis][byAxis[mid]];
        for (int j = 0; j < d; j++) {
            if (j != axis) {
                stablePartition(orders[j], from, to, ranks[axis], threshold, tmp);
            }
        }
        int b = node * 2 * d;
        int l = 2 * node + 1;
        int r = l + 1;
        double split = data[byAxis[mid] * d + axis];
        splitAxis[node] = axis;
        splitValue[node] = split;
        System.arraycopy(cell, b, cell, l * 2 * d, 2 * d);
        System.arraycopy(cell, b, cell, r * 2 * d, 2 * d);
        cell[l * 2 * d + d + axis] = split;
        cell[r * 2 * d + axis] = split;
        return mid;
    }

    /**
     * Moves the rows of {@code order[from..to)} with {@code rank[row] < threshold} to the front, keeping both parts
     * in order. Branch-free (each row is written to both destinations and one cursor advances): the two outcomes
     * are equally likely, so a branch would be mispredicted half the time. Uses {@code tmp[from..to)} only.
     */
    private static void stablePartition(int[] order, int from, int to, int[] rank, int threshold, int[] tmp) {
        int a = from;
        int b = from;
        for (int t = from; t < to; t++) {
            int row = order[t];
            int left = (rank[row] - threshold) >>> 31;
            order[a] = row;
            tmp[b] = row;
            a += left;
            b += 1 - left;
        }
        System.arraycopy(tmp, from, order, a, b - from);
    }

    /** Bounding boxes of the subtree at {@code node}, bottom-up, from the points in tree order. */
    private void boxes(int node) {
        int b = node * 2 * d;
        if (isLeaf(node)) {
            for (int j = 0; j < d; j++) {
                box[b + j] = Double.POSITIVE_INFINITY;
                box[b + d + j] = Double.NEGATIVE_INFINITY;
            }
            for (int t = nodeFrom[node]; t < nodeTo[node]; t++) {
                for (int j = 0; j < d; j++) {
                    double v = pts[t * d + j];
                    box[b + j] = Math.min(box[b + j], v);
                    box[b + d + j] = Math.max(box[b + d + j], v);
                }
            }
            return;
        }
        boxes(2 * node + 1);
        boxes(2 * node + 2);
        joinChildBoxes(node);
    }

    /** The box of internal node {@code node} from its children's. */
    private void joinChildBoxes(int node) {
        int b = node * 2 * d;
        int l = (2 * node + 1) * 2 * d;
        int r = (2 * node + 2) * 2 * d;
        for (int j = 0; j < d; j++) {
            box[b + j] = Math.min(box[l + j], box[r + j]);
            box[b + d + j] = Math.max(box[l + d + j], box[r + d + j]);
        }
    }

    /**
     * The axis of largest spread of the points in [from, to), estimated from at most about 64 of them (it only
     * steers the split, never the answers).
     */
    private int widestAxis(int from, int to) {
        int stride = Math.max(1, (to - from) / 64);
        int axis = 0;
        double widest = -1;
        for (int j = 0; j < d; j++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int t = from; t < to; t += stride) {
                double v = pts[t * d + j];
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (hi - lo > widest) {
                widest = hi - lo;
                axis = j;
            }
        }
        return axis;
    }

    /**
     * Quickselect: afterwards coordinate {@code axis} of every point before {@code kth} is ≤ that of the point at
     * {@code kth}, and of every point after it ≥.
     */
    private void select(int left, int right, int kth, int axis) {
        boolean first = true;
        while (right > left) {
            double pivot = first && right - left > 4 * PIVOT_SAMPLE ? sampledMedian(left, right, axis)
                    : medianOfThree(left, right, axis);
            first = false;
            int i = left;
            int j = right;
            while (i <= j) {
                while (pts[i * d + axis] < pivot) {
                    i++;
                }
                while (pts[j * d + axis] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(i, j);
                    i++;
                    j--;
                }
            }
            if (kth <= j) {
                right = j;
            } else if (kth >= i) {
                left = i;
            } else {
                return;
            }
        }
    }

    /** Sample size for the first pivot of a large selection: its median lands close to the wanted rank. */
    private static final int PIVOT_SAMPLE = 63;

    private double sampledMedian(int left, int right, int axis) {
        double[] sample = new double[PIVOT_SAMPLE];
        long span = right - left;
        for (int i = 0; i < PIVOT_SAMPLE; i++) {
            sample[i] = pts[(int) (left + span * (2 * i + 1) / (2 * PIVOT_SAMPLE)) * d + axis];
        }
        Arrays.sort(sample);
        return sample[PIVOT_SAMPLE / 2];
    }

    private double medianOfThree(int left, int right, int axis) {
        double a = pts[left * d + axis];
        double b = pts[((left + right) >>> 1) * d + axis];
        double c = pts[right * d + axis];
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private void swap(int a, int b) {
        int ia = a * d;
        int ib = b * d;
        for (int j = 0; j < d; j++) {
            double t = pts[ia + j];
            pts[ia + j] = pts[ib + j];
            pts[ib + j] = t;
        }
        int t = index[a];
        index[a] = index[b];
        index[b] = t;
    }

    private boolean isLeaf(int node) {
        return nodeTo[node] - nodeFrom[node] <= leafSize;
    }

    /**
     * Max-norm distance from the query at {@code q[qo..qo+d)} to the box of {@code node} (0 inside). All axes are
     * always compared: a branch-free loop is faster than stopping early once the distance exceeds the k-th one.
     */
    private double boxDistance(int node, double[] q, int qo) {
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
