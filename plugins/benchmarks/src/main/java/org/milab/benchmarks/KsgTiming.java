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
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double bestProcess = Double.POSITIVE_INFINITY;
        double bestWall = Double.POSITIVE_INFINITY;
        double bestCpu = Double.POSITIVE_INFINITY;
        double estimate = Double.NaN;
        for (int c = 0; c < warmup + calls; c++) {
            long w0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            long p0 = os.getProcessCpuTime();
            try (TestRunContext ctx = TestRunContext.of(ksg, 1, Map.of("k", 3, "threads", threads))) {
                estimate = ksg.estimate(xy[0], xy[1], ctx).nats();
            }
            double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
            double process = (os.getProcessCpuTime() - p0) / 1e6;
            double wall = (System.nanoTime() - w0) / 1e6;
            if (c >= warmup) {
                bestWall = Math.min(bestWall, wall);
                bestCpu = Math.min(bestCpu, cpu);
                bestProcess = Math.min(bestProcess, process);
            }
            System.out.printf("%s threads=%d call %d%s: wall %.1f ms, cpu %.1f ms, process cpu %.1f ms%n", workload,
                    threads, c, c < warmup ? " (warm-up)" : "", wall, cpu, process);
        }
        System.out.printf("%s threads=%d: min wall %.1f ms, min cpu %.1f ms, min process cpu %.1f ms, estimate %.15f%n",
                workload, threads, bestWall, bestCpu, bestProcess, estimate);
    }
}
