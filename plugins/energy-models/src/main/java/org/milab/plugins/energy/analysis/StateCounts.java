package org.milab.plugins.energy.analysis;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.milab.api.data.Samples;

/**
 * Resolution and relevance of a sample of internal states (Song, Marsili and Jo 2018; Cubero, Jo, Marsili and Roudi
 * 2019). With k_s the number of the M rows in state s and m_k the number of states seen exactly k times,
 * <pre>
 *   H[S] = −Σ_s (k_s / M) ln(k_s / M)            (resolution)
 *   H[K] = −Σ_k (k m_k / M) ln(k m_k / M)        (relevance)
 * </pre>
 * in nats. H[S] runs from 0 (one state) to ln M (every row its own state); H[K] vanishes at both ends and is large
 * when the frequencies are broadly spread (Zipf's law). Cost: O(M H) for hashing the states.
 *
 * @param resolution H[S], nats
 * @param relevance  H[K], nats
 * @param rows       M
 * @param distinct   number of distinct states
 */
record StateCounts(double resolution, double relevance, int rows, int distinct) {

    /** Counts the distinct rows of {@code states}. */
    static StateCounts of(Samples states) {
        Map<Key, Integer> counts = new HashMap<>();
        for (int r = 0; r < states.rows(); r++) {
            counts.merge(new Key(states.row(r)), 1, Integer::sum);
        }
        return of(counts.values().stream().mapToInt(Integer::intValue).toArray(), states.rows());
    }

    /** From the counts k_s of the states seen. */
    static StateCounts of(int[] stateCounts, int rows) {
        Map<Integer, Integer> statesWithCount = new HashMap<>();
        double hs = 0;
        for (int k : stateCounts) {
            double p = (double) k / rows;
            hs -= p * Math.log(p);
            statesWithCount.merge(k, 1, Integer::sum);
        }
        double hk = 0;
        for (Map.Entry<Integer, Integer> e : statesWithCount.entrySet()) {
            double p = (double) e.getKey() * e.getValue() / rows;
            hk -= p * Math.log(p);
        }
        return new StateCounts(hs, hk, rows, stateCounts.length);
    }

    private record Key(double[] v) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(v, k.v);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(v);
        }
    }
}
