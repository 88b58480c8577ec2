package org.milab.plugins.energy.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.milab.api.data.Samples;

class StateCountsTest {

    @Test
    void everyRowItsOwnStateHasFullResolutionAndNoRelevance() {
        StateCounts c = StateCounts.of(new int[] {1, 1, 1, 1, 1, 1, 1, 1}, 8);
        assertEquals(Math.log(8), c.resolution(), 1e-12);
        assertEquals(0, c.relevance(), 1e-12);
    }

    @Test
    void oneStateHasNeither() {
        StateCounts c = StateCounts.of(new int[] {10}, 10);
        assertEquals(0, c.resolution(), 1e-12);
        assertEquals(0, c.relevance(), 1e-12);
    }

    @Test
    void aWorkedExample() {
        // counts 1, 1, 2, 4 of M = 8 rows: k = 1 covers 2 rows, k = 2 covers 2, k = 4 covers 4
        StateCounts c = StateCounts.of(new int[] {1, 1, 2, 4}, 8);
        double hs = -2 * (1 / 8.0) * Math.log(1 / 8.0) - (2 / 8.0) * Math.log(2 / 8.0) - (4 / 8.0) * Math.log(4 / 8.0);
        double hk = -2 * (2 / 8.0) * Math.log(2 / 8.0) - (4 / 8.0) * Math.log(4 / 8.0);
        assertEquals(hs, c.resolution(), 1e-12);
        assertEquals(hk, c.relevance(), 1e-12);
    }

    @Test
    void statesAreCountedFromTheRows() {
        Samples s = Samples.wrap(4, 2, new double[] {0, 1, 0, 1, 1, 1, 0, 0}, List.of("a", "b"));
        StateCounts c = StateCounts.of(s);
        assertEquals(3, c.distinct());
        assertEquals(StateCounts.of(new int[] {2, 1, 1}, 4), c);
    }
}
