package org.milab.plugins.classic.knn;

/**
 * One column of values in sorted order, with each original row's rank, for one-dimensional range counts: the
 * number of values strictly within {@code r} of row i is found by galloping outwards from i's rank, in
 * O(log count) steps over memory next to the rank, instead of two binary searches over the whole array.
 *
 * <p>Build: an LSD radix sort on the order-preserving bit patterns of the doubles, O(n) time, O(n) memory.
 */
final class SortedColumn {

    private static final int BITS = 11;
    private static final int BUCKETS = 1 << BITS;

    final double[] sorted;
    final int[] rank;

    /** Sorts column {@code col} of the row-major {@code data} with {@code d} columns. */
    SortedColumn(double[] data, int d, int col) {
        int n = data.length / d;
        long[] keys = new long[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            long bits = Double.doubleToLongBits(data[i * d + col] + 0.0);
            keys[i] = bits ^ ((bits >> 63) | Long.MIN_VALUE);
            order[i] = i;
        }
        radixSort(keys, order);
        sorted = new double[n];
        rank = new int[n];
        for (int t = 0; t < n; t++) {
            sorted[t] = data[order[t] * d + col];
            rank[order[t]] = t;
        }
    }

    private static void radixSort(long[] keys, int[] order) {
        int n = keys.length;
        long[] k2 = new long[n];
        int[] o2 = new int[n];
        int[] count = new int[BUCKETS];
        for (int shift = 0; shift < 64; shift += BITS) {
            java.util.Arrays.fill(count, 0);
            for (long key : keys) {
                count[(int) (key >>> shift) & (BUCKETS - 1)]++;
            }
            if (count[(int) (keys[0] >>> shift) & (BUCKETS - 1)] == n) {
                continue;
            }
            int sum = 0;
            for (int b = 0; b < BUCKETS; b++) {
                int c = count[b];
                count[b] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int b = (int) (keys[i] >>> shift) & (BUCKETS - 1);
                int at = count[b]++;
                k2[at] = keys[i];
                o2[at] = order[i];
            }
            System.arraycopy(k2, 0, keys, 0, n);
            System.arraycopy(o2, 0, order, 0, n);
        }
    }

    /**
     * The number of rows other than {@code row} whose value differs from row's by strictly less than
     * {@code radius} ({@code radius > 0}).
     */
    int countWithin(int row, double radius) {
        int p = rank[row];
        double q = sorted[p];
        return firstAtOrAbove(p, q, radius) - lastAtOrBelow(p, q, radius) - 2;
    }

    /** Smallest index j &gt; p with {@code sorted[j] - q >= radius}, or n. */
    private int firstAtOrAbove(int p, double q, double radius) {
        int n = sorted.length;
        int inside = p;
        int step = 1;
        int probe = p + 1;
        while (probe < n && sorted[probe] - q < radius) {
            inside = probe;
            step <<= 1;
            probe = p + step;
        }
        int outside = Math.min(probe, n);
        while (outside - inside > 1) {
            int m = (inside + outside) >>> 1;
            if (sorted[m] - q < radius) {
                inside = m;
            } else {
                outside = m;
            }
        }
        return outside;
    }

    /** Largest index j &lt; p with {@code q - sorted[j] >= radius}, or -1. */
    private int lastAtOrBelow(int p, double q, double radius) {
        int inside = p;
        int step = 1;
        int probe = p - 1;
        while (probe >= 0 && q - sorted[probe] < radius) {
            inside = probe;
            step <<= 1;
            probe = p - step;
        }
        int outside = Math.max(probe, -1);
        while (inside - outside > 1) {
            int m = (inside + outside) >>> 1;
            if (q - sorted[m] < radius) {
                inside = m;
            } else {
                outside = m;
            }
        }
        return outside;
    }
}
