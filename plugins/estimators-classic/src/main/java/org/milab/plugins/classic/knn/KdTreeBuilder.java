package org.milab.plugins.classic.knn;

import java.util.Arrays;
import org.milab.plugins.classic.common.ParallelSum;

/**
 * Builds the arrays of a {@link KdTree}: median splits on the widest side, found either by selection (quickselect
 * on a copy of the points) or, when every axis's sorted order is given, read off those orders and kept through
 * stable partitions, O(n d) per level with no comparisons. Then the points are copied in tree order (rows and
 * columns), every node gets its bounding box and its cell.
 *
 * <p>One builder builds one tree and is then dropped: {@link KdTree} keeps the arrays and answers the queries.
 * O(n log n) time, O(n d) memory.
 */
final class KdTreeBuilder {

    final int n;
    final int d;
    final int leafSize;
    final int depth;
    final int[] nodeFrom;
    final int[] nodeTo;
    final int[] splitAxis;
    final double[] splitValue;
    final double[] box;
    final double[] cell;
    final int[] leafOf;
    final int[] index;
    double[] pts;
    int[] position;
    double[] cols;

    /** Empty arrays for a tree over {@code n = data.length / d} points with at most {@code leafSize} per leaf. */
    KdTreeBuilder(int n, int d, int leafSize) {
        this.d = d;
        this.n = n;
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
    }

    /** Builds by selection over a copy of the row-major {@code data}. */
    KdTreeBuilder bySelection(double[] data) {
        pts = data.clone();
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        build(0, 0, n);
        return finish();
    }

    /**
     * Builds from {@code orders[j]} (the rows sorted by coordinate j, consumed) and their inverses {@code ranks[j]}
     * (kept), the two halves of the root on up to {@code threads} workers; the tree is the same for every thread
     * count.
     */
    KdTreeBuilder presorted(double[] data, int[][] orders, int[][] ranks, int threads) {
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
        return finish();
    }

    /**
     * The inverse of {@link #index} and the column-major copy, padded by {@link KdTree#COLUMN_PADDING} values so
     * that a vector load that starts inside the last column stays inside the array.
     */
    private KdTreeBuilder finish() {
        position = new int[n];
        cols = new double[n * d + KdTree.COLUMN_PADDING];
        for (int t = 0; t < n; t++) {
            position[index[t]] = t;
            for (int j = 0; j < d; j++) {
                cols[j * n + t] = pts[t * d + j];
            }
        }
        return this;
    }

    private void build(int node, int from, int to) {
        nodeFrom[node] = from;
        nodeTo[node] = to;
        if (to - from <= leafSize) {
            for (int t = from; t < to; t++) {
                leafOf[t] = node;
            }
            leafBox(node);
            return;
        }
        int axis = widestAxis(from, to);
        int mid = (from + to + 1) >>> 1;
        select(from, to - 1, mid, axis);
        splitCells(node, axis, pts[mid * d + axis]);
        build(2 * node + 1, from, mid);
        build(2 * node + 2, mid, to);
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
        splitCells(node, axis, data[byAxis[mid] * d + axis]);
        return mid;
    }

    /** Records the split of {@code node} at {@code split} on {@code axis} and gives its children their cells. */
    private void splitCells(int node, int axis, double split) {
        splitAxis[node] = axis;
        splitValue[node] = split;
        int b = node * 2 * d;
        int l = (2 * node + 1) * 2 * d;
        int r = (2 * node + 2) * 2 * d;
        System.arraycopy(cell, b, cell, l, 2 * d);
        System.arraycopy(cell, b, cell, r, 2 * d);
        cell[l + d + axis] = split;
        cell[r + axis] = split;
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
        if (isLeaf(node)) {
            leafBox(node);
            return;
        }
        boxes(2 * node + 1);
        boxes(2 * node + 2);
        joinChildBoxes(node);
    }

    /** The bounding box of the leaf {@code node}, from its points in tree order. */
    private void leafBox(int node) {
        int b = node * 2 * d;
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
            double pivot = pivot(left, right, axis, first);
            first = false;
            int i = left;
            int j = right;
            while (i <= j) {
                i = firstNotBelow(i, axis, pivot);
                j = lastNotAbove(j, axis, pivot);
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

    /** The pivot of a partition: a sample's median for the first one of a large range, else a median of three. */
    private double pivot(int left, int right, int axis, boolean first) {
        return first && right - left > 4 * PIVOT_SAMPLE ? sampledMedian(left, right, axis)
                : medianOfThree(left, right, axis);
    }

    /** The first position from {@code i} on whose coordinate {@code axis} is not below {@code pivot}. */
    private int firstNotBelow(int i, int axis, double pivot) {
        int t = i;
        while (pts[t * d + axis] < pivot) {
            t++;
        }
        return t;
    }

    /** The last position from {@code j} down whose coordinate {@code axis} is not above {@code pivot}. */
    private int lastNotAbove(int j, int axis, double pivot) {
        int t = j;
        while (pts[t * d + axis] > pivot) {
            t--;
        }
        return t;
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
}
