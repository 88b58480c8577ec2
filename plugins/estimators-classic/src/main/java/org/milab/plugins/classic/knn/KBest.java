package org.milab.plugins.classic.knn;

import java.util.Arrays;

/**
 * The k nearest points found so far for each of up to {@code queries} queries of a {@link KdTree} search, and which
 * query is current: its k best sit at {@code dist[off..off+k)} (ascending distances) and {@code who[off..off+k)}
 * (tree positions), the query is the tree's point at position {@link #self}, which is never offered to itself.
 * One object per thread, reused for every query: the SIMD leaf scans take it instead of eight loose arguments.
 *
 * <p>Offering a point costs O(1) when it is not among the k best (one comparison with the bound), else an
 * insertion, O(k).
 */
final class KBest {

    final int k;
    final double[] dist;
    final int[] who;
    /** Start of the current query's k best in {@link #dist} and {@link #who}. */
    int off;
    /** Tree position of the current query. */
    int self;

    /** Room for the k best of {@code queries} queries. */
    KBest(int k, int queries) {
        this.k = Math.max(k, 1);
        this.dist = new double[this.k * queries];
        this.who = new int[this.k * queries];
    }

    /** Empties the lists of the first {@code queries} queries (every distance infinite). */
    void clear(int queries) {
        Arrays.fill(dist, 0, queries * k, Double.POSITIVE_INFINITY);
    }

    /** Makes query number {@code i}, the tree's point at position {@code self}, the current one. */
    KBest select(int i, int self) {
        this.off = i * k;
        this.self = self;
        return this;
    }

    /** The current query's k-th smallest distance so far (infinite while it has fewer than k). */
    double bound() {
        return dist[off + k - 1];
    }

    /** The k-th distance of query number {@code i}. */
    double bound(int i) {
        return dist[i * k + k - 1];
    }

    /** Offers the point at tree position {@code p}, at distance {@code m}, to the current query's k best. */
    void offer(int p, double m) {
        if (m >= dist[off + k - 1] || p == self) {
            return;
        }
        int at = off + k - 1;
        while (at > off && dist[at - 1] > m) {
            dist[at] = dist[at - 1];
            who[at] = who[at - 1];
            at--;
        }
        dist[at] = m;
        who[at] = p;
    }
}
