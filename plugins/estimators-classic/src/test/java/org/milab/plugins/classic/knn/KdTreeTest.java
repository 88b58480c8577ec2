package org.milab.plugins.classic.knn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The KD-tree against brute force, on data with many ties (values on a coarse grid) and without. */
class KdTreeTest {

    static double[] data(int n, int d, int levels, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = levels > 0 ? r.nextInt(levels) : r.nextGaussian();
        }
        return v;
    }

    private static double maxNorm(double[] v, int d, int a, int b) {
        double m = 0;
        for (int j = 0; j < d; j++) {
            m = Math.max(m, Math.abs(v[a * d + j] - v[b * d + j]));
        }
        return m;
    }

    @Property(tries = 60)
    void nearestNeighboursAndCountsMatchBruteForce(@ForAll @IntRange(min = 5, max = 400) int n,
                                                   @ForAll @IntRange(min = 1, max = 5) int d,
                                                   @ForAll @IntRange(min = 0, max = 6) int levels,
                                                   @ForAll @IntRange(min = 1, max = 4) int k,
                                                   @ForAll long seed) {
        double[] v = data(n, d, levels, seed);
        for (int variant = 0; variant < 5; variant++) {
            int leaf = new int[] {1, 8, 32, 8, 4}[variant];
            int[][] orders = null;
            int[][] ranks = null;
            if (variant >= 3) {
                orders = new int[d][];
                ranks = new int[d][];
                for (int j = 0; j < d; j++) {
                    SortedColumn column = new SortedColumn(v, d, j);
                    orders[j] = column.order();
                    ranks[j] = column.rank;
                }
            }
            // variant 4: the presorted build with its two root halves on two threads
            KdTree tree = new KdTree(v, d, leaf, orders, ranks, variant == 4 ? 2 : 1);
            KdTree.Scratch s = new KdTree.Scratch(k, tree);
            for (int i = 0; i < n; i++) {
                double[] all = new double[n - 1];
                for (int j = 0, at = 0; j < n; j++) {
                    if (j != i) {
                        all[at++] = maxNorm(v, d, i, j);
                    }
                }
                Arrays.sort(all);
                int t = tree.position[i];
                assertEquals(all[k - 1], tree.knn(t, k, s), 0.0, "k-th distance of row " + i);
                for (int m = 0; m < k; m++) {
                    assertEquals(all[m], maxNorm(v, d, i, tree.index[s.who[m]]), 0.0, "neighbour " + m);
                }
                double r = all[Math.min(n - 2, 2 * k)];
                long expected = Arrays.stream(all).filter(a -> a < r).count() + (r > 0 ? 1 : 0);
                assertEquals(expected, tree.countWithin(v, i * d, r, s), "count within " + r + " of row " + i);
            }
        }
    }
}
