package org.milab.platform.graph;

import java.util.Locale;
import java.util.OptionalLong;
import org.milab.api.data.DatasetProvider;
import org.milab.platform.plugins.Role;

/**
 * Checks, before anything runs, that a dataset node's data fit: the values it declares
 * ({@link DatasetProvider#plannedValues}) at 8 bytes each against this JVM's maximum heap, and every view against
 * the Java array limit, so that {@code n: 1e9} is a located sentence rather than an int overflow or an
 * OutOfMemoryError mid-run.
 */
final class MemoryCheck {

    /** The largest Java array, in elements (a little under 2^31 on every JVM). */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final long maxHeapBytes;

    /** A check against {@code maxHeapBytes} (normally {@code Runtime.getRuntime().maxMemory()}). */
    MemoryCheck(long maxHeapBytes) {
        this.maxHeapBytes = maxHeapBytes;
    }

    /** Adds a problem when {@code node}'s planned data cannot fit. */
    void check(PlannedNode node, GraphProblems problems) {
        if (!node.extension().plays(Role.DATASET)) {
            return;
        }
        DatasetProvider d = node.extension().as(DatasetProvider.class);
        OptionalLong values = node.extension().call(() -> d.plannedValues(node.parameters()));
        if (values.isEmpty()) {
            return;
        }
        checkSize(node, values.getAsLong(), problems);
    }

    /** Adds a problem when {@code v} values are more than an array or the heap can hold. */
    private void checkSize(PlannedNode node, long v, GraphProblems problems) {
        double bytes = 8.0 * v;
        if (v < 0 || v > 2 * MAX_ARRAY) {
            problems.add(node.spec().at(), "node '" + node.id() + "' (" + node.extension().name() + ") would hold "
                    + count(v) + " values (" + size(bytes) + "), more than a Java array can hold (2^31 - 1 values "
                    + "per view); lower n or the dimension");
        } else if (bytes > maxHeapBytes) {
            problems.add(node.spec().at(), "node '" + node.id() + "' (" + node.extension().name() + ") would hold "
                    + count(v) + " values, " + size(bytes) + " of doubles, but this JVM may use at most "
                    + size(maxHeapBytes) + " (-Xmx); lower n or the dimension, or raise the heap (e.g. "
                    + "JAVA_TOOL_OPTIONS=-Xmx" + (long) Math.ceil(bytes * 2 / (1L << 30)) + "g)");
        }
    }

    private static String count(long v) {
        return v < 0 ? "more than 2^63" : String.format(Locale.ROOT, "%,d", v);
    }

    /** Bytes in binary units, e.g. {@code 7.5 GiB}. */
    static String size(double bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB"};
        int u = 0;
        while (bytes >= 1024 && u < units.length - 1) {
            bytes /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, u == 0 ? "%.0f %s" : "%.1f %s", bytes, units[u]);
    }
}
