package org.milab.plugins.classic.common;

import java.util.Arrays;
import org.milab.api.data.Samples;

/**
 * Rows of a matrix coded as discrete symbols 0..m-1 (equal rows, equal symbol), for the plug-in and mixed
 * estimators. Coding is by sorting, O(n log n) per column, with no boxing.
 *
 * @param ids         the symbol of each row
 * @param cardinality the number m of distinct rows
 */
public record Symbols(int[] ids, int cardinality) {

    /** Codes the rows of {@code s} (values must be finite). */
    public static Symbols of(Samples s) {
        int n = s.rows();
        Symbols acc = new Symbols(new int[n], n == 0 ? 0 : 1);
        for (int c = 0; c < s.cols(); c++) {
            acc = acc.pairedWith(column(s.column(c)));
        }
        return acc;
    }

    /** Codes one column of values. */
    public static Symbols column(double[] values) {
        double[] distinct = values.clone();
        for (int i = 0; i < distinct.length; i++) {
            distinct[i] += 0.0;
        }
        int m = sortDistinct(distinct);
        int[] ids = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            ids[i] = Arrays.binarySearch(distinct, 0, m, values[i] + 0.0);
        }
        return new Symbols(ids, m);
    }

    /** The symbols of the pairs (this row's symbol, {@code other}'s row symbol). */
    public Symbols pairedWith(Symbols other) {
        int n = ids.length;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (long) ids[i] * other.cardinality + other.ids[i];
        }
        long[] distinct = keys.clone();
        int m = sortDistinct(distinct);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = Arrays.binarySearch(distinct, 0, m, keys[i]);
        }
        return new Symbols(out, m);
    }

    /** Sorts {@code a} and moves its distinct values, ascending, to the front; returns how many there are. */
    private static int sortDistinct(double[] a) {
        Arrays.sort(a);
        int m = 0;
        for (int i = 0; i < a.length; i++) {
            if (i == 0 || a[i] != a[m - 1]) {
                a[m++] = a[i];
            }
        }
        return m;
    }

    /** As {@link #sortDistinct(double[])}, for keys. */
    private static int sortDistinct(long[] a) {
        Arrays.sort(a);
        int m = 0;
        for (int i = 0; i < a.length; i++) {
            if (i == 0 || a[i] != a[m - 1]) {
                a[m++] = a[i];
            }
        }
        return m;
    }

    /** How many rows carry each symbol. */
    public int[] counts() {
        int[] c = new int[cardinality];
        for (int id : ids) {
            c[id]++;
        }
        return c;
    }
}
