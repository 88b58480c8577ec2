package org.milab.platform.run;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Passes node events on to another listener and keeps the run folder's {@code progress.json} current while the run
 * runs (at most about twice a second), so another process (the web UI) can show live progress: the node running,
 * the sweep point, units done of total, start and last update times.
 */
final class ProgressFile implements GraphRunner.Listener {

    /** The file's name inside the run folder. */
    static final String FILE = "progress.json";
    private static final long MIN_INTERVAL_NANOS = 500_000_000L;

    private final RunDirectory dir;
    private final GraphRunner.Listener next;
    private final Instant start = Instant.now();
    private final Map<String, Object> state = new LinkedHashMap<>();
    private long lastWrite = Long.MIN_VALUE;

    ProgressFile(RunDirectory dir, GraphRunner.Listener next) {
        this.dir = dir;
        this.next = next;
        state.put("status", "running");
        state.put("start", start.toString());
        write(true);
    }

    @Override
    public void started(String id, int point, int points) {
        next.started(id, point, points);
        synchronized (this) {
            state.put("node", id);
            state.put("point", point);
            state.put("points", points);
            state.remove("done");
            state.remove("total");
            write(false);
        }
    }

    @Override
    public void finished(String id, double seconds) {
        next.finished(id, seconds);
    }

    @Override
    public void progress(String nodeId, long done, long total) {
        next.progress(nodeId, done, total);
        synchronized (this) {
            state.put("node", nodeId);
            state.put("done", done);
            state.put("total", total);
            write(done >= total);
        }
    }

    /** Records the end (the provenance then says how it ended). */
    synchronized void ended(String status) {
        state.put("status", status);
        write(true);
    }

    private void write(boolean force) {
        long now = System.nanoTime();
        if (!force && lastWrite != Long.MIN_VALUE && now - lastWrite < MIN_INTERVAL_NANOS) {
            return;
        }
        lastWrite = now;
        state.put("updated", Instant.now().toString());
        dir.write(FILE, Json.pretty(state));
    }
}
