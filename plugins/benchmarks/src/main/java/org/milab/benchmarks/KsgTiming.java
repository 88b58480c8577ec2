package org.milab.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import org.milab.api.data.Samples;
import org.milab.api.testkit.TestRunContext;
import org.milab.plugins.classic.knn.Ksg1;

/**
 * A load-robust companion to {@link KsgBenchmark} for a shared machine: runs one workload repeatedly on the calling
 * thread and prints, per call, the wall time, this thread's CPU time (which other processes' load inflates far less
 * than wall time; it misses the workers' time when {@code threads > 1}) and the whole process's CPU time (workers,
 * JIT and GC included), then the minimum of each over the measured calls.
 *
 * <p>Usage: {@code java -cp ... org.milab.benchmarks.KsgTiming WORKLOAD THREADS WARMUP CALLS}, e.g.
 * {@code 3d-100000 1 5 5}; WORKLOAD as in {@link KsgBenchmark}.
 */
public final class KsgTiming {

    private KsgTiming() {
    }

    /** Entry point; see the class comment for the arguments. */
    public static void main(String[] args) {
        String workload = args[0];
        int threads = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        int calls = Integer.parseInt(args[3]);
        Samples[] xy = KsgBenchmark.data(workload);
        Ksg1 ksg = new Ksg1();
        Clocks clocks = new Clocks();
        Timing best = new Timing(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
        double estimate = Double.NaN;
        for (int c = 0; c < warmup + calls; c++) {
            Clocks.Start start = clocks.start();
            estimate = estimate(ksg, xy, threads);
            Timing call = clocks.since(start);
            best = c >= warmup ? best.min(call) : best;
            System.out.printf("%s threads=%d call %d%s: wall %.1f ms, cpu %.1f ms, process cpu %.1f ms%n", workload,
                    threads, c, c < warmup ? " (warm-up)" : "", call.wall(), call.cpu(), call.process());
        }
        System.out.printf("%s threads=%d: min wall %.1f ms, min cpu %.1f ms, min process cpu %.1f ms, estimate %.15f%n",
                workload, threads, best.wall(), best.cpu(), best.process(), estimate);
    }

    /** One estimate of I(X;Y) with k = 3 on {@code threads} workers, in nats. */
    private static double estimate(Ksg1 ksg, Samples[] xy, int threads) {
        try (TestRunContext ctx = TestRunContext.of(ksg, 1, Map.of("k", 3, "threads", threads))) {
            return ksg.estimate(xy[0], xy[1], ctx).nats();
        }
    }

    /** The times of one call in milliseconds: wall, this thread's CPU, and the whole process's CPU. */
    private record Timing(double wall, double cpu, double process) {

        /** Each time the smaller of this one's and {@code other}'s. */
        Timing min(Timing other) {
            return new Timing(Math.min(wall, other.wall), Math.min(cpu, other.cpu),
                    Math.min(process, other.process));
        }
    }

    /** The three clocks a call is timed on. */
    private static final class Clocks {
        private final ThreadMXBean thread = ManagementFactory.getThreadMXBean();
        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        /** The clocks' readings at the start of a call, in nanoseconds. */
        private record Start(long wall, long cpu, long process) {
        }

        Start start() {
            return new Start(System.nanoTime(), thread.getCurrentThreadCpuTime(), os.getProcessCpuTime());
        }

        /** The times elapsed since {@code start}. */
        Timing since(Start start) {
            double cpu = (thread.getCurrentThreadCpuTime() - start.cpu()) / 1e6;
            double process = (os.getProcessCpuTime() - start.process()) / 1e6;
            double wall = (System.nanoTime() - start.wall()) / 1e6;
            return new Timing(wall, cpu, process);
        }
    }
}
