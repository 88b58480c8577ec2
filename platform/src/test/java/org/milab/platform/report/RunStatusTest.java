package org.milab.platform.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunStatusTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @Test
    void finishedRunsTakeTheirRecordedStatus() {
        assertEquals("ok", RunStatus.of(Map.of("status", "ok", "end", "x"), Map.of(), NOW));
        assertEquals("failed", RunStatus.of(Map.of("status", "failed", "end", "x"), Map.of(), NOW));
    }

    @Test
    void aRunWithoutAnEndIsRunningWhileItsProgressIsFreshElseInterrupted() {
        Map<String, Object> fresh = Map.of("updated", NOW.minusSeconds(30).toString());
        Map<String, Object> stale = Map.of("updated", NOW.minus(RunStatus.STALE).minusSeconds(1).toString());
        assertEquals("running", RunStatus.of(Map.of(), fresh, NOW));
        assertEquals("running", RunStatus.of(Map.of("status", "running"), fresh, NOW));
        assertEquals("interrupted", RunStatus.of(Map.of(), stale, NOW));
        assertEquals("interrupted", RunStatus.of(Map.of(), Map.of(), NOW));
    }
}
