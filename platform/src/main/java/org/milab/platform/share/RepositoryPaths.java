package org.milab.platform.share;

import java.util.regex.Pattern;

/** Which names inside a repository or an archive are safe: relative, no {@code ..}, no drive or backslash. */
final class RepositoryPaths {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._+-]+");

    private RepositoryPaths() {
    }

    /** A repository path: plain segments of letters, digits, '.', '_', '+', '-' separated by '/'. */
    static boolean isSafe(String path) {
        if (path.isEmpty() || path.startsWith("/")) {
            return false;
        }
        for (String s : path.split("/", -1)) {
            if (!SEGMENT.matcher(s).matches() || s.equals(".") || s.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** An archive entry name that stays inside the folder it is unpacked into (no zip-slip). */
    static boolean isSafeEntry(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains("\0")
                || (name.length() > 1 && name.charAt(1) == ':')) {
            return false;
        }
        for (String s : name.split("/")) {
            if (s.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
