package org.milab.plugins.neural.fused;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * The threads the fused kernels may use: as many as the engine's intra-op threads ({@code ai.djl.pytorch.num_threads},
 * which the {@code milab} launcher sets from {@code MILAB_TORCH_THREADS}, default 1), so one setting governs critic
 * training on either backend. The pool is created on first use, of daemon threads, and shared by all critics.
 */
final class KernelThreads {

    private static ForkJoinPool pool;

    private KernelThreads() {
    }

    /** The configured thread count (at least 1). */
    static int count() {
        return Math.max(1, Integer.getInteger("ai.djl.pytorch.num_threads", 1));
    }

    /** The shared pool. */
    static synchronized ForkJoinPool pool() {
        if (pool == null) {
            pool = new ForkJoinPool(Math.max(2, count()), ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, false);
        }
        return pool;
    }

    /** Waits for {@code done}, rethrowing a kernel's failure unchecked. */
    static void join(Future<?> done) {
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a fused kernel ran", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a fused kernel failed: " + e.getCause(), e.getCause());
        }
    }
}
