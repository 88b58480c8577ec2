package org.milab.platform.run;

import java.nio.file.Path;

/**
 * Where a node's files go inside a run folder: {@code nodes/<id>} for a graph run once, {@code points/<i>/<id>} for
 * point {@code i} of a sweep. The one place that knows this layout.
 */
public final class RunLayout {

    private RunLayout() {
    }

    /** The folder of node {@code nodeId} at point {@code point} of {@code points}, relative to the run folder. */
    public static Path nodeFolder(int point, int points, String nodeId) {
        return pointFolder(point, points).resolve(nodeId);
    }

    /** The folder holding point {@code point}'s node folders, relative to the run folder. */
    public static Path pointFolder(int point, int points) {
        return points == 1 ? Path.of("nodes") : Path.of("points", String.valueOf(point));
    }
}
