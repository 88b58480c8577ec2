package org.milab.platform.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Where the fixed cost of a command goes, printed to stderr when the JVM runs with {@code -Dmilab.timing=true}: JVM
 * start to the command, plugin host start, binding, CSV reading, the estimate and its output, each as wall time and
 * as the whole process's CPU time (all threads: the JIT compilers and the collector too), in milliseconds. CPU time
 * is the figure to compare on a shared machine, where wall time mostly measures the neighbours.
 *
 * <p>The JVM's start is its own record ({@code RuntimeMXBean.getStartTime}): {@code ProcessHandle}'s start instant
 * rests on the kernel's boot time in whole seconds on Linux, and was off by up to a second. Off (the default), a
 * recorder does nothing and loads no management classes.
 */
final class StartupTiming {

    private static final String[] PHASES = {"plugin host", "binding", "CSV", "estimate and output"};

    private final boolean on;
    private final long[] wall = new long[PHASES.length + 1];
    private final long[] cpu = new long[PHASES.length + 1];
    private int marks;

    private StartupTiming(boolean on) {
        this.on = on;
    }

    /** A recorder, on when {@code milab.timing} is true, with its first mark (the command's start) taken. */
    static StartupTiming start() {
        StartupTiming t = new StartupTiming(Boolean.getBoolean("milab.timing"));
        t.mark();
        return t;
    }

    /** Marks the end of the next phase: plugin host, binding, CSV, estimate and output. */
    void mark() {
        if (on && marks < wall.length) {
            cpu[marks] = processCpuNanos();
            wall[marks] = System.nanoTime();
            marks++;
        }
    }

    /** Prints the breakdown, when on and every phase is marked. */
    void print(PrintWriter err, int plugins) {
        if (!on || marks < wall.length) {
            return;
        }
        double sinceJvm = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        double startWall = sinceJvm - ms(wall[0], System.nanoTime());
        StringBuilder sb = new StringBuilder("milab timing (ms, wall/process CPU): JVM start to command ");
        sb.append(pair(startWall, cpu[0] / 1e6));
        for (int p = 0; p < PHASES.length; p++) {
            sb.append(", ").append(PHASES[p]).append(' ').append(pair(ms(wall[p], wall[p + 1]), ms(cpu[p], cpu[p + 1])));
            sb.append(p == 0 ? " (" + plugins + " plugins)" : "");
        }
        sb.append("; first row ").append(pair(startWall + ms(wall[0], wall[PHASES.length]), cpu[PHASES.length] / 1e6));
        err.println(sb.append(" after JVM start"));
        err.flush();
    }

    private static String pair(double wallMs, double cpuMs) {
        return String.format(Locale.ROOT, "%.0f/%.0f", wallMs, cpuMs);
    }

    private static double ms(long from, long to) {
        return (to - from) / 1e6;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
