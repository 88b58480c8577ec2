package org.milab.plugins.classic.auto;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.milab.api.data.Samples;

/**
 * Marginal Gaussianisation (the normal-scores or Gaussian-copula transform): each continuous column is replaced by
 * Φ<sup>−1</sup>((r − ½)/n), r its rank (tied values share their mean rank), so every margin becomes standard
 * normal while the dependence (the copula) is untouched. MI is invariant under strictly increasing maps of each
 * column, so I(X;Y) is unchanged, but heavy tails, bounded or skewed margins (which distort neighbour distances and
 * covariances) are gone. Discrete columns are left as they are. O(n log n) per column.
 */
final class NormalScores {

    private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

    private NormalScores() {
    }

    /** {@code s} with every column that {@code profiles} marks continuous replaced by its normal scores. */
    static Samples of(Samples s, List<ColumnProfile> profiles) {
        int n = s.rows();
        double[][] columns = new double[s.cols()][];
        for (int c = 0; c < s.cols(); c++) {
            columns[c] = profiles.get(c).discrete() ? s.column(c) : scores(s.column(c), n);
        }
        return Samples.ofColumns(s.columnNames(), columns);
    }

    /** The normal scores of one column. */
    static double[] scores(double[] values, int n) {
        double[] out = ranks(values);
        for (int i = 0; i < n; i++) {
            out[i] = STANDARD.inverseCumulativeProbability((out[i] - 0.5) / n);
        }
        return out;
    }

    /** Ranks 1..n of {@code values}; tied values share their mean rank. */
    static double[] ranks(double[] values) {
        int n = values.length;
        Integer[] order = sortedOrder(values);
        double[] out = new double[n];
        int i = 0;
        while (i < n) {
            int j = lastTied(values, order, i);
            double rank = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                out[order[t]] = rank;
            }
            i = j + 1;
        }
        return out;
    }

    /** The last position from {@code i} on, in sorted {@code order}, whose value equals the value at {@code i}. */
    private static int lastTied(double[] values, Integer[] order, int i) {
        int j = i;
        while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
            j++;
        }
        return j;
    }

    /** The indices of {@code values} in ascending order of value (a stable sort). */
    private static Integer[] sortedOrder(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        return order;
    }
}
