package org.milab.plugins.neural;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.milab.api.Configured;
import org.milab.api.model.ModelFactory;
import org.milab.api.testkit.TestRunContext;
import org.milab.plugins.neural.bound.InfoNce;
import org.milab.plugins.neural.critic.CriticShapes;

/**
 * Benchmark, not a test: steps per second of the staircase training step (d = 20, batch 64, 2 x 256 hidden,
 * 32-d embedding, Adam 5e-4, InfoNCE, data sampled on the engine side), and heap and native memory before and after.
 * Compare with {@code src/test/python/staircase_step_rate.py} at the same thread count.
 *
 * <p>On AMD processors set {@code MKL_CBWR=AVX2} as the {@code milab} launcher does (see there).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 \
 *      -Dai.djl.pytorch.num_interop_threads=1 -cp CLASSPATH org.milab.plugins.neural.StepRateBench separable-critic 2000 fused
 * </pre>
 */
public final class StepRateBench {

    /** Steps per timed block: the best block is the figure least disturbed by other load on the machine. */
    private static final int BLOCK = 100;
    private static final int WARM_UP_SECONDS = 3;

    private StepRateBench() {
    }

    /** Arguments: critic name, measured steps, backend (auto, engine or fused). */
    public static void main(String[] args) throws Exception {
        String critic = args.length > 0 ? args[0] : "separable-critic";
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        CriticBackend backend = CriticBackend.valueOf(args.length > 2 ? args[2].toUpperCase(Locale.ROOT) : "AUTO");
        try (TestRunContext ctx = TestRunContext.of(new InfoNce(), 1)) {
            ctx.withComponents(NeuralComponents.all());
            Configured<ModelFactory> factory = ctx.component(ModelFactory.class, critic, Map.of());
            Block block = factory.extension().build(CriticShapes.of(64, 20, 20), factory.context());
            NDManager run = ctx.ndManager().newSubManager();
            BatchSource source = new GaussianBatches(64, 20, step -> 4.0);
            try (CriticTrainer trainer = new CriticTrainer("infonce", new InfoNce(), block, new Shape(64, 20),
                    new Shape(64, 20), new CriticTrainer.Settings(5e-4, 1e4, 1, backend), run, (s, value, objective) -> { })) {
                System.out.println("critic trained by " + trainer.backend());
                warmUp(trainer, source, run, Math.max(20, steps / 10));
                long[] before = memory();
                long start = System.nanoTime();
                long cpuStart = cpuNanos();
                long threadStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                int chunk = Math.max(BLOCK, steps / 5); // whole blocks, so runs under 500 steps still report blocks
                double[] blocks = new double[steps / BLOCK];
                for (int done = 0; done < steps; done += chunk) {
                    int size = Math.min(chunk, steps - done);
                    for (int b = 0; b < size; b += BLOCK) {
                        long t = System.nanoTime();
                        train(trainer, source, run, Math.min(BLOCK, size - b));
                        if (Math.min(BLOCK, size - b) == BLOCK && (done + b) / BLOCK < blocks.length) {
                            blocks[(done + b) / BLOCK] = BLOCK / ((System.nanoTime() - t) / 1e9);
                        }
                    }
                    if (steps >= 10000) {
                        long[] now = memory();
                        System.out.printf(Locale.ROOT, "  after %d steps: heap-used %d MiB, rss %d MiB%n",
                                done + size, now[0] >> 20, now[1] >> 20);
                    }
                }
                java.util.Arrays.sort(blocks);
                System.out.printf(Locale.ROOT, "milab %s blocks of %d steps: best %.1f steps/s, median %.1f steps/s%n",
                        critic, BLOCK, blocks[blocks.length - 1], blocks[blocks.length / 2]);
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpu = (cpuNanos() - cpuStart) / 1e9;
                double thread = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - threadStart) / 1e9;
                long[] after = memory();
                System.out.printf(Locale.ROOT, "milab %s steps=%d seconds=%.3f steps/s=%.1f cpu-seconds=%.3f "
                        + "steps/cpu-s=%.1f (training thread alone %.1f) heap-used %d->%d MiB, rss %d->%d MiB, arrays in run manager %d%n",
                        critic, steps, seconds, steps / seconds, cpu, steps / cpu, steps / thread,
                        before[0] >> 20, after[0] >> 20, before[1] >> 20, after[1] >> 20,
                        run.getManagedArrays().size());
            }
            run.close();
        }
    }

    /**
     * At least {@code steps} steps and {@value #WARM_UP_SECONDS} s: the JIT compiles the fused kernels' hot loops in
     * that time (measured: over 2,000 steps after 200 of warm-up the separable rate varied 1,040-1,410 between runs,
     * after 1,000 steps and seconds of warm-up 1,290-1,450).
     */
    private static void warmUp(CriticTrainer trainer, BatchSource source, NDManager run, int steps) {
        long start = System.nanoTime();
        for (int done = 0; done < steps || System.nanoTime() - start < WARM_UP_SECONDS * 1_000_000_000L; done += 50) {
            train(trainer, source, run, 50);
        }
    }

    private static void train(CriticTrainer trainer, BatchSource source, NDManager run, int steps) {
        for (int step = 1; step <= steps; step++) {
            try (NDManager m = run.newSubManager()) {
                trainer.step(source.next(m, step), step);
            }
        }
        trainer.flush();
    }

    /** CPU time of the whole process (JVM and engine threads). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Used heap after a GC, and the process's resident set size (native memory included), in bytes. */
    static long[] memory() throws java.io.IOException {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long rss = 0;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return new long[] {heap, rss};
    }
}
