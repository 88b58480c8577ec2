package org.milab.plugins.classic.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.milab.api.InvalidDataException;
import org.milab.api.MilabException;

class ParallelSumTest {

    private static double body(int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += 1.0 / (i + 1);
        }
        return s;
    }

    /** Chunk sums are added in chunk order: every thread count gives the same bits. */
    @Test
    void resultDoesNotDependOnThreads() {
        int n = 10 * ParallelSum.CHUNK + 17;
        double one = ParallelSum.sum(n, 1, ParallelSumTest::body, () -> false);
        for (int threads : new int[] {2, 3, 8}) {
            assertEquals(one, ParallelSum.sum(n, threads, ParallelSumTest::body, () -> false), 0.0);
        }
        assertEquals(0.0, ParallelSum.sum(0, 4, ParallelSumTest::body, () -> false), 0.0);
    }

    @Test
    void workerErrorsAndCancellationPropagate() {
        int n = 5 * ParallelSum.CHUNK;
        assertThrows(InvalidDataException.class, () -> ParallelSum.sum(n, 2, (a, b) -> {
            throw new InvalidDataException("row " + a);
        }, () -> false));
        assertThrows(MilabException.class, () -> ParallelSum.sum(n, 2, ParallelSumTest::body, () -> true));
    }
}
