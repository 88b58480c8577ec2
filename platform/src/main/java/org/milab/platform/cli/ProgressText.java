package org.milab.platform.cli;

import java.util.Locale;

/** Text pieces of a progress report: a bar, a percentage, a rate and an ETA. */
final class ProgressText {

    private ProgressText() {
    }

    /** {@code [#####     ]} of {@code width} cells. */
    static String bar(double fraction, int width) {
        int filled = (int) Math.round(width * Math.max(0, Math.min(1, fraction)));
        return "[" + "#".repeat(filled) + " ".repeat(width - filled) + "]";
    }

    /** {@code 45%}. */
    static String percent(double fraction) {
        return (int) Math.floor(100 * Math.max(0, Math.min(1, fraction))) + "%";
    }

    /** Units per second with three significant digits, e.g. {@code 12.3/s} or {@code 1.2k/s}. */
    static String rate(double perSecond) {
        if (!Double.isFinite(perSecond) || perSecond <= 0) {
            return "-/s";
        }
        if (perSecond >= 1000) {
            return String.format(Locale.ROOT, "%.1fk/s", perSecond / 1000);
        }
        return String.format(Locale.ROOT, perSecond >= 100 ? "%.0f/s" : perSecond >= 10 ? "%.1f/s" : "%.2f/s",
                perSecond);
    }

    /** A duration as {@code m:ss} or {@code h:mm:ss}; {@code ?} when unknown. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
