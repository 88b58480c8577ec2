package org.milab.platform.csv;

import java.util.Arrays;

/** The cells of one record: content ranges in the reader's buffer and whether a quoted one holds {@code ""}. */
final class Cells {

    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] escaped = new boolean[16];
    private int count;

    void clear() {
        count = 0;
    }

    void add(int start, int end, boolean hasEscapedQuote) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, 2 * count);
            ends = Arrays.copyOf(ends, 2 * count);
            escaped = Arrays.copyOf(escaped, 2 * count);
        }
        starts[count] = start;
        ends[count] = end;
        escaped[count] = hasEscapedQuote;
        count++;
    }

    int count() {
        return count;
    }

    int start(int k) {
        return starts[k];
    }

    int end(int k) {
        return ends[k];
    }

    boolean escaped(int k) {
        return escaped[k];
    }
}
