package org.milab.plugins.classic.knn;

/**
 * A static KD-tree in the max norm over {@code n} points of dimension {@code d}, stored in primitive arrays: the
 * points are copied in tree order so a leaf is one contiguous run, and every node keeps its bounding box. It
 * answers k-nearest-neighbour distances (excluding the query point itself) and range counts (points strictly
 * closer than a radius, with whole subtrees counted at once when their box lies inside the range).
 *
 * <p>Build: O(n log n) time (median split on the widest side), O(n d) memory. Queries allocate nothing: callers
 * pass a {@link Scratch} they own, one per thread.
 */
final class KdTree {

    private static final int LEAF_SIZE = 8;

    final int n;
    final int d;
    /** Points in tree order, row-major. */
    final double[] pts;
    /** {@code index[t]}: original row of the point at tree position t. */
    final int[] index;
    /** {@code position[i]}: tree position of original row i. */
    final int[] position;
    private final int[] nodeFrom;
    private final int[] nodeTo;
    /** Bounding boxes, node-major, low corner then high corner: {@code box[node * 2d + j]}, {@code box[node * 2d + d + j]}. */
    private final double[] box;
    private final int depth;

    /** Per-thread working memory for queries. */
    static final class Scratch {
        final double[] dist;
        final int[] who;
        final int[] stack;
        final double[] stackDist;

        Scratch(int k, KdTree tree) {
            dist = new double[Math.max(k, 1)];
            who = new int[Math.max(k, 1)];
            stack = new int[2 * tree.depth + 4];
            stackDist = new double[2 * tree.depth + 4];
        }
    }

    /**
     * Builds a tree over the rows of the row-major {@code data} ({@code n} rows of {@code d} values).
     * {@code data} is not kept.
     */
    KdTree(double[] data, int d) {
        this.d = d;
        this.n = data.length / d;
        int levels = 0;
        for (int size = n; size > LEAF_SIZE; size = (size + 1) / 2) {
            levels++;
        }
        this.depth = levels + 1;
        int nodes = (1 << (levels + 1)) - 1;
        nodeFrom = new int[nodes];
        nodeTo = new int[nodes];
        box = new double[nodes * 2 * d];
        pts = data.clone();
        index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        build(0, 0, n);
        position = new int[n];
        for (int t = 0; t < n; t++) {
            position[index[t]] = t;
        }
    }

    private void build(int node, int from, int to) {
        nodeFrom[node] = from;
        nodeTo[node] = to;
        int b = node * 2 * d;
        for (int j = 0; j < d; j++) {
            box[b + j] = Double.POSITIVE_INFINITY;
            box[b + d + j] = Double.NEGATIVE_INFINITY;
        }
        for (int t = from; t < to; t++) {
            for (int j = 0; j < d; j++) {
                double v = pts[t * d + j];
                if (v < box[b + j]) {
                    box[b + j] = v;
                }
                if (v > box[b + d + j]) {
                    box[b + d + j] = v;
                }
            }
        }
        if (to - from <= LEAF_SIZE) {
            return;
        }
        int axis = 0;
        double widest = -1;
        for (int j = 0; j < d; j++) {
            double w = box[b + d + j] - box[b + j];
            if (w > widest) {
                widest = w;
                axis = j;
            }
        }
        int mid = (from + to + 1) >>> 1;
        select(from, to - 1, mid, axis);
        build(2 * node + 1, from, mid);
        build(2 * node + 2, mid, to);
    }

    /** Quickselect: afterwards the point at {@code kth} has coordinate {@code axis} in its sorted place. */
    private void select(int left, int right, int kth, int axis) {
        while (right > left) {
            int m = (left + right) >>> 1;
            double a = pts[left * d + axis];
            double b = pts[m * d + axis];
            double c = pts[right * d + axis];
            double pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
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
        return nodeTo[node] - nodeFrom[node] <= LEAF_SIZE;
    }

    /** Max-norm distance from the query at {@code q[qo..qo+d)} to the box of {@code node}; 0 inside. */
    private double boxDistance(int node, double[] q, int qo) {
        int b = node * 2 * d;
        double m = 0;
        for (int j = 0; j < d; j++) {
            double v = q[qo + j];
            double g = Math.max(box[b + j] - v, v - box[b + d + j]);
            if (g > m) {
                m = g;
            }
        }
        return m;
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
        int[] who = s.who;
        java.util.Arrays.fill(dist, 0, k, Double.POSITIVE_INFINITY);
        int qo = self * d;
        int top = 0;
        s.stack[top] = 0;
        s.stackDist[top++] = 0;
        while (top > 0) {
            top--;
            int node = s.stack[top];
            if (s.stackDist[top] >= dist[k - 1]) {
                continue;
            }
            if (isLeaf(node)) {
                scanLeaf(node, self, qo, k, dist, who);
                continue;
            }
            int l = 2 * node + 1;
            int r = l + 1;
            double dl = boxDistance(l, pts, qo);
            double dr = boxDistance(r, pts, qo);
            if (dl <= dr) {
                top = push(s, top, r, dr, dist[k - 1]);
                top = push(s, top, l, dl, dist[k - 1]);
            } else {
                top = push(s, top, l, dl, dist[k - 1]);
                top = push(s, top, r, dr, dist[k - 1]);
            }
        }
        return dist[k - 1];
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
        for (int t = nodeFrom[node], end = nodeTo[node]; t < end; t++) {
            if (t == self) {
                continue;
            }
            double bound = dist[k - 1];
            int po = t * d;
            double m = 0;
            for (int j = 0; j < d && m < bound; j++) {
                double g = Math.abs(pts[po + j] - pts[qo + j]);
                if (g > m) {
                    m = g;
                }
            }
            if (m < bound) {
                int at = k - 1;
                while (at > 0 && dist[at - 1] > m) {
                    dist[at] = dist[at - 1];
                    who[at] = who[at - 1];
                    at--;
                }
                dist[at] = m;
                who[at] = t;
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
                count += countLeaf(node, q, qo, radius);
            } else {
                s.stack[top++] = 2 * node + 1;
                s.stack[top++] = 2 * node + 2;
            }
        }
        return count;
    }

    private int countLeaf(int node, double[] q, int qo, double radius) {
        int count = 0;
        for (int t = nodeFrom[node], end = nodeTo[node]; t < end; t++) {
            int po = t * d;
            boolean in = true;
            for (int j = 0; j < d; j++) {
                in &= Math.abs(pts[po + j] - q[qo + j]) < radius;
            }
            count += in ? 1 : 0;
        }
        return count;
    }
}
