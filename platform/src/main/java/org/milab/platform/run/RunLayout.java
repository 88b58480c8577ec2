package org.milab.platform.run;

import java.nio.file.Path;

/**
 * Where a node's files go inside a run folder: {@code nodes/<id>} for a graph run once, {@code points/<i>/<id>} for
 * point {@code i} of a sweep, and {@code journal/<i>.json} for the record of each finished point (what
 * {@code --resume} and the run store read). The one place that knows this layout.
 */
public final class RunLayout {

    private static final String JOURNAL = "journal";

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

    /** The journal entry of point {@code point}, relative to the run folder. */
    public static Path journalEntry(int point) {
        return Path.of(JOURNAL, point + ".json");
    }

    /** The journal folder, relative to the run folder. */
    public static Path journal() {
        return Path.of(JOURNAL);
    }

    /**
     * The point a file of the run belongs to, from its path relative to the run folder ({@code nodes/...} is point
     * 0, {@code points/<i>/...} point i); empty for files outside node folders.
     */
    public static java.util.OptionalInt pointOf(Path relative) {
        if (relative.getNameCount() >= 2 && relative.getName(0).toString().equals("nodes")) {
            return java.util.OptionalInt.of(0);
        }
        if (relative.getNameCount() >= 3 && relative.getName(0).toString().equals("points")
                && relative.getName(1).toString().matches("[0-9]+")) {
            return java.util.OptionalInt.of(Integer.parseInt(relative.getName(1).toString()));
        }
        return java.util.OptionalInt.empty();
    }

    /** The node (with its component path, e.g. {@code critic/infonce}) a file in a node folder belongs to. */
    public static String nodeOf(Path relative) {
        int skip = relative.getName(0).toString().equals("nodes") ? 1 : 2;
        return relative.getParent().subpath(skip, relative.getNameCount() - 1).toString().replace('\\', '/');
    }
}
