package org.milab.platform.cli;

import java.io.PrintWriter;
import org.milab.platform.run.GraphRunner;

/** Node progress on standard error, drawn in place, only when it is a terminal. */
final class ConsoleProgress implements GraphRunner.Listener {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean interactive = System.console() != null;
    private String current = "";

    ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void started(String id, int point, int points) {
        current = points > 1 ? id + " [" + (point + 1) + "/" + points + "]" : id;
        draw(current + " ...");
    }

    @Override
    public void finished(String id, double seconds) {
        draw("");
    }

    @Override
    public void progress(String nodeId, long done, long total) {
        if (total > 0) {
            int filled = (int) (WIDTH * Math.min(1.0, (double) done / total));
            draw(current + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + (100 * done / total) + "%");
        }
    }

    private void draw(String line) {
        if (interactive) {
            err.print("\r\033[K" + line);
            err.flush();
        }
    }
}
