package org.milab.platform.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;
import org.milab.platform.run.GraphRunner;

/**
 * Progress of a run on standard error. On a terminal ({@link Mode#BAR}) one line redrawn in place: the node (and
 * sweep point), a bar, done/total, the rate and the ETA of the node, and for a sweep the ETA of the whole sweep.
 * Elsewhere ({@link Mode#LINES}, e.g. CI logs) a plain line at every further 10% of a node's work or every 10 s,
 * whichever comes first, and one per 10% of a sweep's points. {@link Mode#QUIET} prints nothing. Rates and ETAs
 * are measured from the node's (or sweep's) start: ETA = (total - done) / (done / elapsed).
 */
final class ConsoleProgress implements GraphRunner.Listener {

    /** How progress is shown. */
    enum Mode {
        /** A bar redrawn in place (a terminal). */
        BAR,
        /** Plain periodic lines (not a terminal). */
        LINES,
        /** Nothing. */
        QUIET;

        /** {@code QUIET} when asked, else {@code BAR} on a terminal and {@code LINES} elsewhere. */
        static Mode detect(boolean quiet) {
            return quiet ? QUIET : System.console() != null ? BAR : LINES;
        }
    }

    private static final int WIDTH = 24;
    private static final long LINE_INTERVAL_NANOS = 10_000_000_000L;
    private static final long REDRAW_NANOS = 100_000_000L;
    private final PrintWriter err;
    private final Mode mode;
    private final LongSupplier clock;
    private final Sweep sweep = new Sweep();
    private String label = "";
    private long nodeStart;
    private long lastDraw = Long.MIN_VALUE;
    private int lastTenth;

    /** Progress in {@code mode}, timed by {@code clock} (nanoseconds, e.g. {@code System::nanoTime}). */
    ConsoleProgress(PrintWriter err, Mode mode, LongSupplier clock) {
        this.err = err;
        this.mode = mode;
        this.clock = clock;
    }

    @Override
    public synchronized void started(String id, int point, int points) {
        long now = clock.getAsLong();
        label = points > 1 ? id + " [point " + (point + 1) + "/" + points + "]" : id;
        nodeStart = now;
        lastDraw = now;
        lastTenth = 0;
        String sweepLine = sweep.started(point, points, now);
        if (mode == Mode.BAR) {
            draw(label + sweepLine + " ...");
        } else if (mode == Mode.LINES && sweep.lineDue(point, points)) {
            println("milab: sweep point " + (point + 1) + "/" + points + sweepLine);
        }
    }

    @Override
    public synchronized void finished(String id, double seconds) {
        if (mode == Mode.BAR) {
            draw("");
        } else if (mode == Mode.LINES && seconds >= 10) {
            println("milab: " + label + " done in " + ProgressText.duration(seconds));
        }
    }

    @Override
    public synchronized void progress(String nodeId, long done, long total) {
        if (total <= 0 || mode == Mode.QUIET) {
            return;
        }
        long now = clock.getAsLong();
        double fraction = Math.min(1.0, (double) done / total);
        String stats = stats(now, fraction, done, total);
        if (mode == Mode.BAR) {
            redrawBar(now, fraction, stats, done >= total);
        } else {
            printLine(now, fraction, stats);
        }
    }

    /** Percent done, done/total, the rate and the node's ETA. */
    private String stats(long now, double fraction, long done, long total) {
        double elapsed = (now - nodeStart) / 1e9;
        double rate = elapsed > 0 ? done / elapsed : Double.NaN;
        return ProgressText.percent(fraction) + " " + done + "/" + total + " " + ProgressText.rate(rate)
                + " ETA " + ProgressText.duration(rate > 0 ? (total - done) / rate : Double.NaN);
    }

    /** Redraws the bar, at most every {@link #REDRAW_NANOS} and when the node is done. */
    private void redrawBar(long now, double fraction, String stats, boolean complete) {
        if (now - lastDraw >= REDRAW_NANOS || complete) {
            lastDraw = now;
            draw(label + " " + ProgressText.bar(fraction, WIDTH) + " " + stats + sweep.eta(now, fraction));
        }
    }

    /** Prints a line at each further tenth of the node's work, or after {@link #LINE_INTERVAL_NANOS}. */
    private void printLine(long now, double fraction, String stats) {
        int tenth = (int) Math.floor(10 * fraction);
        if (tenth > lastTenth || now - lastDraw >= LINE_INTERVAL_NANOS) {
            lastDraw = now;
            lastTenth = tenth;
            println("milab: " + label + ": " + stats);
        }
    }

    private void draw(String line) {
        err.print("\r\033[K" + line);
        err.flush();
    }

    private void println(String line) {
        err.println(line);
        err.flush();
    }

    /** Times a sweep's points: the sweep's ETA is the mean time per finished point times the points left. */
    private static final class Sweep {
        private boolean begun;
        private long start;
        private int point;
        private int points = 1;
        private int lastLinePoint = -1;

        String started(int p, int n, long now) {
            if (!begun || n != points) {
                start = now;
                begun = true;
            }
            point = p;
            points = n;
            return eta(now, 0);
        }

        boolean lineDue(int p, int n) {
            int step = Math.max(1, n / 10);
            if (n > 1 && (p % step == 0 || p == n - 1) && p != lastLinePoint) {
                lastLinePoint = p;
                return true;
            }
            return false;
        }

        /** {@code , sweep ETA m:ss} for a sweep, else empty; {@code within} is the current point's fraction. */
        String eta(long now, double within) {
            double done = point + within;
            if (points <= 1 || done <= 0) {
                return "";
            }
            double perPoint = (now - start) / 1e9 / done;
            return ", sweep ETA " + ProgressText.duration(perPoint * (points - done));
        }
    }
}
