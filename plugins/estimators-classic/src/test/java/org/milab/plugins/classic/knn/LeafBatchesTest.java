package org.milab.plugins.classic.knn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The many-dimension paths of the KD-tree (SIMD leaf scans, wide leaves, whole-data-set queries a leaf at a time)
 * against brute force and against the scalar scans, which must agree exactly.
 */
class LeafBatchesTest {

    /** The build's tests run with the Vector API module, so the SIMD paths below are the ones exercised. */
    @Test
    void vectorApiIsPresentInTests() {
        assertTrue(VectorLeafScan.available(), "surefire must pass --add-modules jdk.incubator.vector");
        assertTrue(new KdTree(KdTreeTest.data(100, 9, 0, 1), 9).vectorLeaves());
        assertEquals(KdTree.WIDE_LEAF, KdTree.searchLeaf(KdTree.VECTOR_DIMENSION));
    }

    private static double[] sortedDistances(double[] v, int d, int i, int n) {
        double[] all = new double[n - 1];
        for (int j = 0, at = 0; j < n; j++) {
            if (j != i) {
                double m = 0;
                for (int c = 0; c < d; c++) {
                    m = Math.max(m, Math.abs(v[i * d + c] - v[j * d + c]));
                }
                all[at++] = m;
            }
        }
        Arrays.sort(all);
        return all;
    }

    @Property(tries = 40)
    void simdLeavesAndLeafBatchesMatchBruteForce(@ForAll @IntRange(min = 5, max = 300) int n,
                                                 @ForAll @IntRange(min = 8, max = 23) int d,
                                                 @ForAll @IntRange(min = 0, max = 3) int levels,
                                                 @ForAll @IntRange(min = 1, max = 4) int k,
                                                 @ForAll @IntRange(min = 0, max = 2) int leafChoice,
                                                 @ForAll long seed) {
        double[] v = KdTreeTest.data(n, d, levels, seed);
        int leaf = new int[] {KdTree.WIDE_LEAF, 8, 1}[leafChoice];
        KdTree tree = new KdTree(v, d, leaf);
        KdTree scalar = tree.withScalarLeaves();
        KdTree.Scratch s = new KdTree.Scratch(k, tree);
        KdTree.Scratch ss = new KdTree.Scratch(k, scalar);
        double[] eps = LeafBatches.kthDistances(tree, k, 2, () -> false);
        double[] radius = new double[n];
        for (int i = 0; i < n; i++) {
            int t = tree.position[i];
            double[] all = sortedDistances(v, d, i, n);
            assertEquals(all[k - 1], tree.knn(t, k, s), 0.0, "SIMD k-th distance of row " + i);
            assertEquals(all[k - 1], scalar.knn(t, k, ss), 0.0, "scalar k-th distance of row " + i);
            assertEquals(all[k - 1], eps[t], 0.0, "batched k-th distance of row " + i);
            radius[t] = Math.max(all[Math.min(n - 2, 2 * k)], Double.MIN_VALUE);
            double r = radius[t];
            long expected = Arrays.stream(all).filter(a -> a < r).count() + 1;
            assertEquals(expected, tree.countWithin(v, i * d, r, s), "SIMD count within " + r + " of row " + i);
            assertEquals(expected, scalar.countWithin(v, i * d, r, ss), "scalar count of row " + i);
        }
        int[] perPoint = new int[n];
        for (int t = 0; t < n; t++) {
            perPoint[t] = scalar.countWithin(scalar.pts, t * d, radius[t], ss);
        }
        assertArrayEquals(perPoint, LeafBatches.countsWithin(tree, radius, 2, () -> false), "batched counts");
    }
}
