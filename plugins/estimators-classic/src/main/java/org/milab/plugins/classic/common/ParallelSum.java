package org.milab.plugins.classic.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.milab.api.MilabException;
import org.milab.api.param.Parameter;

/**
 * Sums a per-item quantity over items {@code 0..n-1} in fixed-size chunks, on one thread or on a call-local
 * {@link ForkJoinPool} that is shut down before returning. Chunk sums are added in chunk order, so the result is
 * bit-for-bit the same for every thread count.
 */
public final class ParallelSum {

    /**
     * The {@code threads} parameter of every estimator that sums with this class, declared once: how many workers
     * a call may use (a call-local pool, shut down before it returns).
     */
    public static final Parameter<Integer> THREADS = Parameter.integer("threads").defaultValue(1).range(1, 1024)
            .description("worker threads for the per-sample work; the result does not depend on it").build();

    /** Items per chunk: large enough to amortise the per-chunk scratch state, small enough to balance load. */
    public static final int CHUNK = 2048;

    /** Sums the items of one chunk; implementations allocate their scratch state once per call. */
    @FunctionalInterface
    public interface ChunkBody {
        /** The sum over items {@code from} (inclusive) to {@code to} (exclusive). */
        double sum(int from, int to);
    }

    private ParallelSum() {
    }

    /**
     * Sums over {@code n} items with {@code threads} workers.
     *
     * @param cancelled polled between chunks; when it returns true the sum stops with a {@link MilabException}
     */
    public static double sum(int n, int threads, ChunkBody body, BooleanSupplier cancelled) {
        int chunks = (n + CHUNK - 1) / CHUNK;
        double[] parts = new double[chunks];
        Runnable worker = chunkWorker(n, parts, body, cancelled);
        if (threads <= 1 || chunks <= 1) {
            worker.run();
        } else {
            runOnWorkers(Math.min(threads, chunks), worker);
        }
        return total(parts);
    }

    /** A worker that takes the next unclaimed chunk until none is left, storing each chunk's sum in {@code parts}. */
    private static Runnable chunkWorker(int n, double[] parts, ChunkBody body, BooleanSupplier cancelled) {
        AtomicInteger next = new AtomicInteger();
        return () -> {
            for (int c = next.getAndIncrement(); c < parts.length; c = next.getAndIncrement()) {
                checkCancelled(cancelled);
                parts[c] = body.sum(c * CHUNK, Math.min(n, (c + 1) * CHUNK));
            }
        };
    }

    /**
     * Runs independent tasks (e.g. the builds of several search structures) on up to {@code threads} workers of a
     * call-local pool, or one after the other for one thread; returns when all are done, rethrowing the first
     * failure.
     */
    public static void runAll(int threads, Runnable... tasks) {
        if (threads <= 1 || tasks.length <= 1) {
            for (Runnable t : tasks) {
                t.run();
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        runOnWorkers(Math.min(threads, tasks.length), () -> {
            for (int i = next.getAndIncrement(); i < tasks.length; i = next.getAndIncrement()) {
                tasks[i].run();
            }
        });
    }

    /**
     * Runs {@code worker} on the calling thread and on {@code workers - 1} threads of a call-local pool, and returns
     * when all are done, rethrowing the first failure. The calling thread works too: it is already running, while a
     * new pool thread may start late, and the workers share the items dynamically, so a late start costs nothing.
     */
    private static void runOnWorkers(int workers, Runnable worker) {
        ForkJoinPool pool = new ForkJoinPool(workers - 1);
        try {
            List<Future<?>> futures = submitCopies(pool, worker, workers - 1);
            worker.run();
            joinAll(futures);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MilabException("interrupted while estimating", e);
        } catch (ExecutionException e) {
            throw failure(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Future<?>> submitCopies(ForkJoinPool pool, Runnable worker, int copies) {
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < copies; w++) {
            futures.add(pool.submit(worker));
        }
        return futures;
    }

    private static void joinAll(List<Future<?>> futures) throws InterruptedException, ExecutionException {
        for (Future<?> f : futures) {
            f.get();
        }
    }

    /** A worker's own unchecked exception, else a {@link MilabException} around what it threw. */
    private static RuntimeException failure(ExecutionException e) {
        return e.getCause() instanceof RuntimeException re ? re
                : new MilabException("a worker failed: " + e.getCause(), e.getCause());
    }

    private static double total(double[] parts) {
        double s = 0;
        for (double p : parts) {
            s += p;
        }
        return s;
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new MilabException("estimation was cancelled");
        }
    }
}
