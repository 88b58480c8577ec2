package org.milab.plugins.infoplane.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CaptureScheduleTest {

    @Test
    void logSpacedEpochsStartAtZeroAndEndAtTheLast() {
        int[] e = CaptureSchedule.logSpaced(1000, 4).epochs();
        // exp(k/3 ln 1000) = 1, 10, 100, 1000, plus the initialisation
        assertEquals(java.util.List.of(0, 1, 10, 100, 1000), java.util.Arrays.stream(e).boxed().toList());
    }

    @Test
    void denseEarlySparseLateAndNeverRepeated() {
        int[] e = CaptureSchedule.logSpaced(400, 40).epochs();
        for (int i = 1; i < e.length; i++) {
            assertTrue(e[i] > e[i - 1], "ascending and distinct");
        }
        assertTrue(e.length <= 42 && e.length > 20, "length " + e.length);
        assertTrue(e[5] - e[4] < e[e.length - 1] - e[e.length - 2], "denser early than late");
        assertTrue(CaptureSchedule.logSpaced(400, 40).captures(400));
    }
}
