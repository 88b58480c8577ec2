package org.milab.plugins.classic.knn;

/**
 * One column of values in sorted order, with each original row's rank, for one-dimensional range counts. The
 * number of values strictly within r of row i needs the two ends of the range; a table of equal-width value
 * buckets (about 4 values each on average) gives each end's approximate position in O(1), and a short exact
 * gallop from there finds it, instead of two binary searches over the whole array.
 *
 * <p>Build: an LSD radix sort on the order-preserving bit patterns of the doubles and one pass for the table,
 * O(n) time, O(n) memory.
 */
final class SortedColumn {

    private static final int BITS = 11;
    private static final int BUCKETS = 1 << BITS;

    /** Values per bucket of the position table, on average. */
    private static final int PER_BUCKET = 4;

    final double[] sorted;
    final int[] rank;
    /** {@code byRank[p]}: the row at sorted position p (the inverse of {@link #rank}). */
    private final int[] byRank;
    private final double low;
    private final double bucketsPerUnit;
    /** {@code start[b]}: the first sorted position whose value falls in bucket b or later; length buckets + 1. */
    private final int[] start;

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
        byRank = order;
        sorted = new double[n];
        rank = new int[n];
        for (int t = 0; t < n; t++) {
            sorted[t] = data[order[t] * d + col];
            rank[order[t]] = t;
        }
        int buckets = Math.max(1, n / PER_BUCKET);
        low = n == 0 ? 0 : sorted[0];
        double range = n == 0 ? 0 : sorted[n - 1] - low;
        bucketsPerUnit = range > 0 && Double.isFinite(buckets / range) ? buckets / range : 0;
        start = new int[buckets + 1];
        int b = 0;
        for (int t = 0; t < n; t++) {
            int bt = bucket(sorted[t]);
            while (b <= bt) {
                start[b++] = t;
            }
        }
        while (b <= buckets) {
            start[b++] = n;
        }
    }

    private int bucket(double v) {
        double at = (v - low) * bucketsPerUnit;
        int last = start.length - 2;
        return at <= 0 ? 0 : at >= last ? last : (int) at;
    }

    /**
     * Sorts {@code keys} (carrying {@code order} along) by an LSD radix sort on only the three digits below the
     * highest bit in which the keys differ, then finishes with an insertion pass: keys that agree on those 33 bits
     * agree to about 2^-21 relative and are few for continuous data. Should they be many (the pass would move more
     * than 8 entries per key), the keys are instead sorted on every digit.
     */
    private static void radixSort(long[] keys, int[] order) {
        int n = keys.length;
        if (n < 2) {
            return;
        }
        long differ = 0;
        for (long key : keys) {
            differ |= key ^ keys[0];
        }
        if (differ == 0) {
            return;
        }
        int high = 63 - Long.numberOfLeadingZeros(differ);
        int low = Math.max(0, high + 1 - 3 * BITS);
        radixPasses(keys, order, low, high);
        if (low > 0 && !insertionFinish(keys, order, 8L * n)) {
            // every step so far was stable, so equal keys are still in row order and a full sort from here gives
            // the same result as one from the start
            radixPasses(keys, order, 0, high);
        }
    }

    /** Stable LSD passes on the digits starting at bits {@code low}, {@code low + BITS}, ... up to {@code high}. */
    private static void radixPasses(long[] keys, int[] order, int low, int high) {
        int n = keys.length;
        long[] k2 = new long[n];
        int[] o2 = new int[n];
        int[] count = new int[BUCKETS];
        for (int shift = low; shift <= high; shift += BITS) {
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

    /** Insertion sort of nearly sorted keys; false (keys left partly sorted) once more than {@code budget} moves. */
    private static boolean insertionFinish(long[] keys, int[] order, long budget) {
        long moves = 0;
        for (int i = 1; i < keys.length; i++) {
            long key = keys[i];
            if (Long.compareUnsigned(keys[i - 1], key) <= 0) {
                continue;
            }
            int row = order[i];
            int j = i - 1;
            while (j >= 0 && Long.compareUnsigned(keys[j], key) > 0) {
                keys[j + 1] = keys[j];
                order[j + 1] = order[j];
                j--;
                moves++;
            }
            keys[j + 1] = key;
            order[j + 1] = row;
            if (moves > budget) {
                return false;
            }
        }
        return true;
    }

    /**
     * The number of rows other than the one at sorted position {@code p} whose value differs from its value by
     * strictly less than {@code radius} ({@code radius > 0}).
     */
    int countWithinAt(int p, double radius) {
        double q = sorted[p];
        int above = firstAtOrAbove(p, q, radius, start[bucket(q + radius)]);
        int below = lastAtOrBelow(p, q, radius, start[bucket(q - radius)] - 1);
        return above - below - 2;
    }

    /** The rows in sorted order (a new array): {@code order()[p]} is the row at sorted position p. */
    int[] order() {
        return byRank.clone();
    }

    /** As {@link #countWithinAt} for original row {@code row}. */
    int countWithin(int row, double radius) {
        return countWithinAt(rank[row], radius);
    }

    /** Smallest index j &gt; p with {@code sorted[j] - q >= radius}, or n; {@code hint} is a guess, or -1. */
    private int firstAtOrAbove(int p, double q, double radius, int hint) {
        int n = sorted.length;
        int inside = p;
        int outside;
        if (hint > p && (hint == n || sorted[hint] - q >= radius)) {
            outside = hint;
            for (int step = 1; ; step <<= 1) {
                int probe = outside - step;
                if (probe <= p || sorted[probe] - q < radius) {
                    inside = Math.max(probe, p);
                    break;
                }
                outside = probe;
            }
        } else {
            if (hint > p) {
                inside = hint;
            }
            int step = 1;
            int probe = inside + 1;
            while (probe < n && sorted[probe] - q < radius) {
                inside = probe;
                step <<= 1;
                probe = inside + step;
            }
            outside = Math.min(probe, n);
        }
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

    /** Largest index j &lt; p with {@code q - sorted[j] >= radius}, or -1; {@code hint} is a guess, or -1 … n. */
    private int lastAtOrBelow(int p, double q, double radius, int hint) {
        int inside = p;
        int outside;
        if (hint < p && (hint == -1 || q - sorted[hint] >= radius)) {
            outside = hint;
            for (int step = 1; ; step <<= 1) {
                int probe = outside + step;
                if (probe >= p || q - sorted[probe] < radius) {
                    inside = Math.min(probe, p);
                    break;
                }
                outside = probe;
            }
        } else {
            if (hint >= 0 && hint < p) {
                inside = hint;
            }
            int step = 1;
            int probe = inside - 1;
            while (probe >= 0 && q - sorted[probe] < radius) {
                inside = probe;
                step <<= 1;
                probe = inside - step;
            }
            outside = Math.max(probe, -1);
        }
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
