package org.milab.plugins.infoplane.estimate;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;

/** Dense ids for row keys: the first distinct key gets 0, the next new one 1, and so on. */
final class DenseIds {

    private DenseIds() {
    }

    /** The id of each of the {@code rows} keys that {@code keyOf} gives, in row order. */
    static <K> int[] of(int rows, IntFunction<K> keyOf) {
        Map<K, Integer> ids = new HashMap<>();
        int[] out = new int[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = ids.computeIfAbsent(keyOf.apply(r), k -> ids.size());
        }
        return out;
    }
}
