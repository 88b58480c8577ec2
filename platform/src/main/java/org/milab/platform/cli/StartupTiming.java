package org.milab.platform.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Where the fixed cost of a command goes, printed to stderr when the JVM runs with {@code -Dmilab.timing=true}:
 * JVM start to the command, plugin host start, binding, CSV reading, the estimate, in milliseconds.
 */
final class StartupTiming {

    private StartupTiming() {
    }

    /**
     * Prints the breakdown from {@code marks} ({@link System#nanoTime()} at command start, host started, node bound,
     * data read, result printed).
     */
    static void print(PrintWriter err, long[] marks, int plugins) {
        long now = System.nanoTime();
        Instant jvmStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        double sinceJvm = Duration.between(jvmStart, Instant.now()).toNanos() / 1e6;
        double toCommand = sinceJvm - (now - marks[0]) / 1e6;
        err.printf(Locale.ROOT, "milab timing: JVM start to command %.0f ms, plugin host %.0f ms (%d plugins), "
                        + "binding %.0f ms, CSV %.0f ms, estimate and output %.0f ms; first row %.0f ms after JVM start%n",
                toCommand, ms(marks[0], marks[1]), plugins, ms(marks[1], marks[2]), ms(marks[2], marks[3]),
                ms(marks[3], marks[4]), sinceJvm - (now - marks[4]) / 1e6);
        err.flush();
    }

    private static double ms(long from, long to) {
        return (to - from) / 1e6;
    }
}
