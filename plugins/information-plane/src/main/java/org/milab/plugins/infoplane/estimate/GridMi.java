package org.milab.plugins.infoplane.estimate;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimate;

/**
 * The kernel the binning estimators share: each input is cut on one grid over all its columns, each row becomes the
 * tuple of its bins, and the plug-in MI of the two tuple sequences is returned (no bias correction, as in the papers):
 * <pre>
 *   Î(X;Y) = Ĥ(X_b) + Ĥ(Y_b) − Ĥ(X_b, Y_b),   Ĥ(A) = −Σ_a p̂(a) ln p̂(a)
 * </pre>
 * Cost: O(n d log(n d)) for sorting the pooled values, O(n d log bins) for coding, O(n) expected for counting.
 */
final class GridMi {

    private GridMi() {
    }

    /** Î(X;Y) in nats with {@code bins} bins per input laid by {@code grid}; diagnostics: occupied cells. */
    static Estimate estimate(Samples x, Samples y, int bins, BinGrid grid) {
        Checks.paired(x, y);
        int[] a = codes(x, bins, grid);
        int[] b = codes(y, bins, grid);
        int n = a.length;
        int[] joint = new int[n];
        Map<Long, Integer> ids = new HashMap<>();
        for (int r = 0; r < n; r++) {
            joint[r] = ids.computeIfAbsent(((long) a[r] << 32) | b[r], k -> ids.size());
        }
        double mi = entropy(a) + entropy(b) - entropy(joint);
        return Estimate.of(Math.max(0, mi), n).withDiagnostic("cells-x", distinct(a))
                .withDiagnostic("cells-y", distinct(b)).withDiagnostic("cells-xy", ids.size());
    }

    /** One dense id per distinct tuple of bins, row by row. */
    static int[] codes(Samples s, int bins, BinGrid grid) {
        double[] pooled = s.toRowMajor();
        Arrays.sort(pooled);
        double[] edges = grid.edges(pooled, bins);
        return DenseIds.of(s.rows(), r -> binsOfRow(s, r, edges));
    }

    /** The bins of row {@code r}'s values. */
    private static IntTuple binsOfRow(Samples s, int r, double[] edges) {
        int[] tuple = new int[s.cols()];
        for (int c = 0; c < s.cols(); c++) {
            tuple[c] = bin(edges, s.get(r, c));
        }
        return new IntTuple(tuple);
    }

    /** The number of edges at or below {@code v}. */
    static int bin(double[] edges, double v) {
        int i = Arrays.binarySearch(edges, v);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** The plug-in entropy of dense ids, nats. */
    static double entropy(int[] ids) {
        int[] counts = new int[ids.length];
        for (int id : ids) {
            counts[id]++;
        }
        double h = 0;
        double n = ids.length;
        for (int c : counts) {
            if (c > 0) {
                h -= c / n * Math.log(c / n);
            }
        }
        return h;
    }

    private static int distinct(int[] ids) {
        return Arrays.stream(ids).max().orElse(-1) + 1;
    }

    /** A row of bin indices as a hash key. */
    private record IntTuple(int[] v) {
        @Override
        public boolean equals(Object o) {
            return o instanceof IntTuple t && Arrays.equals(v, t.v);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(v);
        }
    }
}
