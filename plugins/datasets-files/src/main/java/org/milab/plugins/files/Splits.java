package org.milab.plugins.files;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * Seeded train/validation/test splits. With labels, each class is shuffled and cut separately (stratified), so
 * every part keeps the class proportions to within one sample per class; without labels, one shuffle of all rows.
 */
final class Splits {

    /** Which part of the split to keep. */
    enum Part {
        /** Every row, in file order. */
        ALL,
        /** The training part. */
        TRAIN,
        /** The validation part. */
        VALIDATION,
        /** The test part. */
        TEST
    }

    private Splits() {
    }

    /** Row indices of {@code part}; {@code labels} may be null. Rows keep their file order within the part. */
    static int[] rows(int n, double[] labels, double validation, double test, Part part, RandomGenerator rng) {
        if (part == Part.ALL) {
            return java.util.stream.IntStream.range(0, n).toArray();
        }
        List<Integer> out = new ArrayList<>();
        for (List<Integer> g : classes(n, labels).values()) {
            shuffle(g, rng);
            out.addAll(cut(g, validation, test, part));
        }
        return out.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** The rows of each label, in ascending label order; without labels, one class of every row. */
    private static Map<Double, List<Integer>> classes(int n, double[] labels) {
        Map<Double, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(labels == null ? 0.0 : labels[i], k -> new ArrayList<>()).add(i);
        }
        return groups;
    }

    /** Fisher-Yates shuffle in place. */
    private static void shuffle(List<Integer> g, RandomGenerator rng) {
        for (int i = g.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            Integer t = g.get(i);
            g.set(i, g.get(j));
            g.set(j, t);
        }
    }

    /** The slice of a shuffled class that falls in {@code part}: test first, then validation, then training. */
    private static List<Integer> cut(List<Integer> g, double validation, double test, Part part) {
        int nTest = (int) Math.round(test * g.size());
        int nVal = (int) Math.round(validation * g.size());
        int from = part == Part.TEST ? 0 : part == Part.VALIDATION ? nTest : nTest + nVal;
        int to = part == Part.TEST ? nTest : part == Part.VALIDATION ? nTest + nVal : g.size();
        return g.subList(from, Math.min(to, g.size()));
    }
}
