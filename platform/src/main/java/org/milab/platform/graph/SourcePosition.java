package org.milab.platform.graph;

/**
 * A place in an experiment file (1-based line and column), or a pseudo-file such as {@code --set} for values given
 * on the command line.
 *
 * @param file   file name as given by the user
 * @param line   1-based line; 0 when not applicable
 * @param column 1-based column; 0 when not applicable
 */
public record SourcePosition(String file, int line, int column) {

    /** A position that is not in a file (e.g. the command line). */
    public static SourcePosition of(String what) {
        return new SourcePosition(what, 0, 0);
    }

    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line + ":" + column;
    }
}
