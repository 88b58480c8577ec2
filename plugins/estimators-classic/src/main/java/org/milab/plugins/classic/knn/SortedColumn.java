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
        byRank = sortedRows(data, d, col);
        sorted = new double[n];
        rank = new int[n];
        for (int t = 0; t < n; t++) {
            sorted[t] = data[byRank[t] * d + col];
            rank[byRank[t]] = t;
        }
        int buckets = Math.max(1, n / PER_BUCKET);
        low = n == 0 ? 0 : sorted[0];
        double range = n == 0 ? 0 : sorted[n - 1] - low;
        bucketsPerUnit = range > 0 && Double.isFinite(buckets / range) ? buckets / range : 0;
        start = new int[buckets + 1];
        fillStarts();
    }

    /** The rows of column {@code col} in ascending order of value, ties in row order. */
    private static int[] sortedRows(double[] data, int d, int col) {
        int n = data.length / d;
        long[] keys = new long[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            long bits = Double.doubleToLongBits(data[i * d + col] + 0.0);
            keys[i] = bits ^ ((bits >> 63) | Long.MIN_VALUE);
            order[i] = i;
        }
        radixSort(keys, order);
        return order;
    }

    /** Fills the position table {@link #start} from {@link #sorted}, once the bucket width is set. */
    private void fillStarts() {
        int n = sorted.length;
        int b = 0;
        for (int t = 0; t < n; t++) {
            int bt = bucket(sorted[t]);
            while (b <= bt) {
                start[b++] = t;
            }
        }
        while (b < start.length) {
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
            if (digitStarts(keys, shift, count)) {
                scatter(keys, order, shift, count, k2, o2);
                System.arraycopy(k2, 0, keys, 0, n);
                System.arraycopy(o2, 0, order, 0, n);
            }
        }
    }

    /** The digit of {@code key} starting at bit {@code shift}. */
    private static int digit(long key, int shift) {
        return (int) (key >>> shift) & (BUCKETS - 1);
    }

    /**
     * Sets {@code count[b]} to the first output position of the keys whose digit at {@code shift} is b; false (and
     * {@code count} unusable) when every key has the same digit there, so that the pass can be skipped.
     */
    private static boolean digitStarts(long[] keys, int shift, int[] count) {
        java.util.Arrays.fill(count, 0);
        for (long key : keys) {
            count[digit(key, shift)]++;
        }
        if (count[digit(keys[0], shift)] == keys.length) {
            return false;
        }
        int sum = 0;
        for (int b = 0; b < BUCKETS; b++) {
            int c = count[b];
            count[b] = sum;
            sum += c;
        }
        return true;
    }

    /** One stable pass: each key and its row to {@code k2}, {@code o2} at its digit's next position. */
    private static void scatter(long[] keys, int[] order, int shift, int[] count, long[] k2, int[] o2) {
        for (int i = 0; i < keys.length; i++) {
            int at = count[digit(keys[i], shift)]++;
            k2[at] = keys[i];
            o2[at] = order[i];
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
        double[] s = sorted;
        if (hint > p && (hint == s.length || s[hint] - q >= radius)) {
            return firstAboveDown(s, p, q, radius, hint);
        }
        return firstAboveUp(s, q, radius, hint > p ? hint : p);
    }

    /**
     * {@link #firstAtOrAbove} from a position {@code outside} &gt; p known to be at or above the range's end:
     * gallops down towards p to a position inside the range (or p), then bisects.
     */
    private static int firstAboveDown(double[] s, int p, double q, double radius, int outside) {
        int out = outside;
        for (int step = 1; ; step <<= 1) {
            int probe = out - step;
            if (probe <= p || s[probe] - q < radius) {
                return firstAboveBisect(s, q, radius, Math.max(probe, p), out);
            }
            out = probe;
        }
    }

    /** {@link #firstAtOrAbove} from a position {@code inside} ≥ p within the range (or p): gallops up, bisects. */
    private static int firstAboveUp(double[] s, double q, double radius, int inside) {
        int n = s.length;
        int in = inside;
        int step = 1;
        int probe = in + 1;
        while (probe < n && s[probe] - q < radius) {
            in = probe;
            step <<= 1;
            probe = in + step;
        }
        return firstAboveBisect(s, q, radius, in, Math.min(probe, n));
    }

    /** The end of the range between {@code inside} (in it, or p) and {@code outside} (at or above its end). */
    private static int firstAboveBisect(double[] s, double q, double radius, int inside, int outside) {
        int in = inside;
        int out = outside;
        while (out - in > 1) {
            int m = (in + out) >>> 1;
            if (s[m] - q < radius) {
                in = m;
            } else {
                out = m;
            }
        }
        return out;
    }

    /** Largest index j &lt; p with {@code q - sorted[j] >= radius}, or -1; {@code hint} is a guess, or -1 … n. */
    private int lastAtOrBelow(int p, double q, double radius, int hint) {
        double[] s = sorted;
        if (hint < p && (hint == -1 || q - s[hint] >= radius)) {
            return lastBelowUp(s, p, q, radius, hint);
        }
        return lastBelowDown(s, q, radius, hint >= 0 && hint < p ? hint : p);
    }

    /**
     * {@link #lastAtOrBelow} from a position {@code outside} &lt; p known to be at or below the range's start:
     * gallops up towards p to a position inside the range (or p), then bisects.
     */
    private static int lastBelowUp(double[] s, int p, double q, double radius, int outside) {
        int out = outside;
        for (int step = 1; ; step <<= 1) {
            int probe = out + step;
            if (probe >= p || q - s[probe] < radius) {
                return lastBelowBisect(s, q, radius, Math.min(probe, p), out);
            }
            out = probe;
        }
    }

    /** {@link #lastAtOrBelow} from a position {@code inside} ≤ p within the range (or p): gallops down, bisects. */
    private static int lastBelowDown(double[] s, double q, double radius, int inside) {
        int in = inside;
        int step = 1;
        int probe = in - 1;
        while (probe >= 0 && q - s[probe] < radius) {
            in = probe;
            step <<= 1;
            probe = in - step;
        }
        return lastBelowBisect(s, q, radius, in, Math.max(probe, -1));
    }

    /** The start of the range between {@code inside} (in it, or p) and {@code outside} (at or below its start). */
    private static int lastBelowBisect(double[] s, double q, double radius, int inside, int outside) {
        int in = inside;
        int out = outside;
        while (in - out > 1) {
            int m = (in + out) >>> 1;
            if (q - s[m] < radius) {
                in = m;
            } else {
                out = m;
            }
        }
        return out;
    }
}
