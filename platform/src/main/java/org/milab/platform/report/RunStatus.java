package org.milab.platform.report;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * A run's status from its files: {@code provenance.json}'s {@code status} when it has an {@code end}; otherwise
 * {@code running} while {@code progress.json} was updated within {@link #STALE}, else {@code interrupted} (the
 * process died without recording an end).
 */
public final class RunStatus {

    /** Running. */
    public static final String RUNNING = "running";
    /** Stopped without an end time. */
    public static final String INTERRUPTED = "interrupted";
    /** How long a run may go without a progress update before it counts as interrupted. */
    static final Duration STALE = Duration.ofMinutes(10);

    private RunStatus() {
    }

    /**
     * Whether a run of this status is over, so its folder no longer changes and its listing entry can be kept; a
     * running or interrupted one (which {@code --resume} may continue) is read afresh.
     */
    public static boolean isSettled(String status) {
        return !status.equals(RUNNING) && !status.equals(INTERRUPTED);
    }

    /** The status at {@code now}. */
    public static String of(Map<String, Object> provenance, Map<String, Object> progress, Instant now) {
        Object status = provenance.get("status");
        if (status != null && provenance.get("end") != null && !RUNNING.equals(status)) {
            return status.toString();
        }
        Object updated = progress.get("updated");
        if (updated == null) {
            return status != null ? RUNNING : INTERRUPTED;
        }
        try {
            return Instant.parse(updated.toString()).plus(STALE).isAfter(now) ? RUNNING : INTERRUPTED;
        } catch (DateTimeParseException e) {
            return INTERRUPTED;
        }
    }
}
