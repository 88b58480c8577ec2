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
        Map<Double, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(labels == null ? 0.0 : labels[i], k -> new ArrayList<>()).add(i);
        }
        List<Integer> out = new ArrayList<>();
        for (List<Integer> g : groups.values()) {
            for (int i = g.size() - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                Integer t = g.get(i);
                g.set(i, g.get(j));
                g.set(j, t);
            }
            int nTest = (int) Math.round(test * g.size());
            int nVal = (int) Math.round(validation * g.size());
            int from = part == Part.TEST ? 0 : part == Part.VALIDATION ? nTest : nTest + nVal;
            int to = part == Part.TEST ? nTest : part == Part.VALIDATION ? nTest + nVal : g.size();
            out.addAll(g.subList(from, Math.min(to, g.size())));
        }
        return out.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
