package org.milab.plugins.classic.knn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The sorted column's order, ranks and range counts against brute force, with and without ties. */
class SortedColumnTest {

    @Property(tries = 60)
    void sortedColumnCountsMatchBruteForce(@ForAll @IntRange(min = 2, max = 400) int n,
                                           @ForAll @IntRange(min = 0, max = 6) int levels, @ForAll long seed) {
        double[] v = KdTreeTest.data(n, 1, levels, seed);
        SortedColumn column = new SortedColumn(v, 1, 0);
        SplittableRandom r = new SplittableRandom(seed);
        for (int q = 0; q < 3 * n; q++) {
            int i = r.nextInt(n);
            double radius = r.nextDouble() < 0.2 ? Double.MIN_VALUE : r.nextDouble() * 3;
            int expected = 0;
            for (int j = 0; j < n; j++) {
                expected += j != i && Math.abs(v[j] - v[i]) < radius ? 1 : 0;
            }
            assertEquals(expected, column.countWithinAt(column.rank[i], radius), "row " + i + " r " + radius);
        }
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < n; i++) {
            assertEquals(v[i], column.sorted[column.rank[i]], 0.0);
        }
        assertEquals(0, Arrays.compare(sorted, column.sorted));
    }

    /**
     * Values that agree in their top bits and differ far below: two clusters (at -1e6 and 1e6, so the sign bit
     * differs and the radix digits cover only the exponent and the top of the mantissa) of values 1e-9 apart in
     * relative terms. For {@code n} beyond a few dozen the insertion pass gives up and the full sort runs; either way
     * the column must come out sorted with consistent ranks.
     */
    @Property(tries = 20)
    void valuesEqualInTheirTopBitsAreSortedExactly(@ForAll @IntRange(min = 2, max = 3000) int n, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (r.nextBoolean() ? 1e6 : -1e6) * (1 + 1e-9 * r.nextDouble());
        }
        SortedColumn column = new SortedColumn(v, 1, 0);
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        assertEquals(0, Arrays.compare(sorted, column.sorted));
        for (int i = 0; i < n; i++) {
            assertEquals(v[i], column.sorted[column.rank[i]], 0.0);
        }
    }

    @Property(tries = 20)
    void orderInvertsRank(@ForAll @IntRange(min = 1, max = 300) int n, @ForAll long seed) {
        SortedColumn column = new SortedColumn(KdTreeTest.data(n, 1, 0, seed), 1, 0);
        int[] order = column.order();
        for (int p = 0; p < n; p++) {
            assertEquals(p, column.rank[order[p]]);
        }
    }
}
