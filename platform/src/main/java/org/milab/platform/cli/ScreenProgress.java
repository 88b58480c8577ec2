package org.milab.platform.cli;

import java.io.PrintWriter;
import java.util.function.IntConsumer;

/**
 * A screen's progress on standard error: a bar drawn in place on a terminal, otherwise a line at every tenth of the
 * features. Safe to call from several threads.
 */
final class ScreenProgress implements IntConsumer {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final int total;
    private final boolean interactive = System.console() != null;
    private final long start = System.nanoTime();
    private int shown = -1;

    ScreenProgress(PrintWriter err, int total) {
        this.err = err;
        this.total = total;
    }

    @Override
    public synchronized void accept(int done) {
        int step = interactive ? (int) (100L * done / total) : (int) (10L * done / total);
        if (step <= shown) {
            return;
        }
        shown = step;
        print(done, (System.nanoTime() - start) / 1e9);
        err.flush();
    }

    /** Redraws the bar, or prints a line. */
    private void print(int done, double seconds) {
        if (interactive) {
            int filled = WIDTH * done / total;
            err.printf(java.util.Locale.ROOT, "\r\033[Kscreen [%s%s] %d/%d features, %.1f s", "#".repeat(filled),
                    " ".repeat(WIDTH - filled), done, total, seconds);
        } else {
            err.printf(java.util.Locale.ROOT, "screen: %d/%d features, %.1f s%n", done, total, seconds);
        }
    }

    /** Ends the bar's line. */
    synchronized void done() {
        if (interactive) {
            err.println();
            err.flush();
        }
    }
}
