package org.milab.plugins.classic.knn;

/**
 * One range count of a {@link KdTree}: the open max-norm cube of half-width {@link #radius} around the query at
 * {@code q[qo..qo+d)}, and the axes on which the box of the leaf being counted reaches beyond the cube (only those
 * can exclude one of its points). One object per thread, reused for every query; the leaf scans take it instead
 * of loose arguments.
 */
final class RangeQuery {

    double[] q;
    int qo;
    double radius;
    /** {@code cut[0..cuts)}: the straddled axes of the current leaf. */
    final int[] cut;
    int cuts;

    /** For queries of dimension {@code d}. */
    RangeQuery(int d) {
        cut = new int[d];
    }

    /** Makes the cube around {@code q[qo..)} of half-width {@code radius} (&gt; 0) the current query. */
    RangeQuery at(double[] q, int qo, double radius) {
        this.q = q;
        this.qo = qo;
        this.radius = radius;
        return this;
    }

    /**
     * Records in {@link #cut}, in the order {@code order}, the axes on which the box at {@code box[b..b+2d)} (low
     * corner, then high corner) reaches beyond the cube, and returns how many there are. O(d).
     */
    int straddle(double[] box, int b, int d, AxisOrder order) {
        int n = 0;
        for (int i = 0; i < d; i++) {
            int j = order.axes[i];
            double v = q[qo + j];
            if (v - box[b + j] >= radius || box[b + d + j] - v >= radius) {
                cut[n++] = j;
            }
        }
        cuts = n;
        return n;
    }
}
