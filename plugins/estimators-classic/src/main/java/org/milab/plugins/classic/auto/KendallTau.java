package org.milab.plugins.classic.auto;

import java.util.Arrays;

/**
 * Kendall's rank correlation τ<sub>a</sub> = 1 − 4 D / (n(n − 1)), D the number of discordant pairs, counted in
 * O(n log n) as the inversions of b in the order of a by merge sort (Knight 1966). Ties count as half discordant
 * through the mid-ranks' order; {@link AutoMi} only uses it on continuous columns, where ties are rare.
 */
final class KendallTau {

    private KendallTau() {
    }

    /** τ between two columns of ranks. */
    static double of(double[] a, double[] b) {
        int n = a.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> a[i] != a[j] ? Double.compare(a[i], a[j]) : Double.compare(b[i], b[j]));
        double[] seq = new double[n];
        for (int i = 0; i < n; i++) {
            seq[i] = b[order[i]];
        }
        long discordant = inversions(seq, new double[n], 0, n);
        return 1 - 4.0 * discordant / ((double) n * (n - 1));
    }

    /** Inversions of {@code v[from, to)}, which it sorts. */
    private static long inversions(double[] v, double[] scratch, int from, int to) {
        if (to - from < 2) {
            return 0;
        }
        int mid = (from + to) >>> 1;
        long count = inversions(v, scratch, from, mid) + inversions(v, scratch, mid, to);
        return count + mergeCountingInversions(v, scratch, from, mid, to);
    }

    /** Merges the sorted runs {@code v[from, mid)} and {@code v[mid, to)}; returns the pairs it found out of order. */
    private static long mergeCountingInversions(double[] v, double[] scratch, int from, int mid, int to) {
        long count = 0;
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            if (v[j] < v[i]) {
                count += mid - i;
                scratch[k++] = v[j++];
            } else {
                scratch[k++] = v[i++];
            }
        }
        System.arraycopy(v, i, scratch, k, mid - i);
        System.arraycopy(v, j, scratch, k + mid - i, to - j);
        System.arraycopy(scratch, from, v, from, to - from);
        return count;
    }
}
