package org.milab.plugins.kd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.milab.api.InvalidDataException;

/**
 * A seeded split of the rows into training, validation and test parts, stratified by class for classification.
 * It depends only on the split seed, the row count, the fractions and the labels, so every node of a graph given
 * the same {@code split-seed} (teacher, student, analysis) sees the same parts.
 *
 * @param train      training rows, in random order
 * @param validation validation rows (early stopping)
 * @param test       test rows (final metrics and representations)
 */
record Split(int[] train, int[] validation, int[] test) {

    static Split of(Target target, int n, double validationFraction, double testFraction, long seed) {
        requireTrainingRows(validationFraction, testFraction);
        SplittableRandom rng = new SplittableRandom(seed);
        Parts parts = new Parts(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (List<Integer> g : strata(target, n)) {
            int[] rows = g.stream().mapToInt(Integer::intValue).toArray();
            shuffle(rows, rng);
            parts.deal(rows, (int) Math.round(rows.length * testFraction),
                    (int) Math.round(rows.length * validationFraction));
        }
        Split s = new Split(shuffled(parts.train(), rng), shuffled(parts.valid(), rng), shuffled(parts.test(), rng));
        s.requireEnough(n, testFraction);
        return s;
    }

    private static void requireTrainingRows(double validationFraction, double testFraction) {
        if (validationFraction + testFraction >= 1) {
            throw new InvalidDataException("validation-fraction + test-fraction = " + (validationFraction + testFraction)
                    + "; they must leave rows for training (sum < 1)");
        }
    }

    private void requireEnough(int n, double testFraction) {
        if (train.length < 2 || (testFraction > 0 && test.length < 2)) {
            throw new InvalidDataException("the split of " + n + " rows leaves " + train.length + " training and "
                    + test.length + " test rows; at least 2 of each are needed (more rows, or other fractions)");
        }
    }

    /** The rows 0..n-1 grouped by class (one group for regression), each group in increasing order. */
    private static List<List<Integer>> strata(Target target, int n) {
        List<List<Integer>> groups = new ArrayList<>();
        int k = target.classification() ? target.classes() : 1;
        for (int c = 0; c < k; c++) {
            groups.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            groups.get(target.classification() ? target.index()[i] : 0).add(i);
        }
        return groups;
    }

    /** The three parts being filled, stratum by stratum. */
    private record Parts(List<Integer> train, List<Integer> valid, List<Integer> test) {

        /** Deals the rows of a shuffled stratum: the first {@code nt} to test, the next {@code nv} to validation. */
        void deal(int[] rows, int nt, int nv) {
            for (int i = 0; i < rows.length; i++) {
                (i < nt ? test : i < nt + nv ? valid : train).add(rows[i]);
            }
        }
    }

    /** The first {@code count} training rows (all when {@code count} is 0 or more than there are). */
    int[] labelled(int count) {
        return count <= 0 || count >= train.length ? train : Arrays.copyOf(train, count);
    }

    static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static int[] shuffled(List<Integer> rows, SplittableRandom rng) {
        int[] a = rows.stream().mapToInt(Integer::intValue).toArray();
        shuffle(a, rng);
        return a;
    }
}
