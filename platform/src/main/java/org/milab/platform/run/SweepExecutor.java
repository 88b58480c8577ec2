package org.milab.platform.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.milab.api.data.Dataset;
import org.milab.api.data.Samples;
import org.milab.platform.graph.Plan;

/**
 * Runs the points of a sweep on a fixed pool of {@code jobs} threads. Results do not depend on {@code jobs}: node
 * seeds derive from the experiment seed and node ids, never from execution order. Memory stays bounded: at most
 * {@code jobs} points run at once, and once a point is journaled its datasets and samples are replaced by their
 * JSON summaries, so finished points hold only small results.
 */
final class SweepExecutor {

    /** Told when point {@code index} has finished (before any other point can see it). */
    @FunctionalInterface
    interface Finished {
        void accept(int index, PointOutcome point);
    }

    private final GraphRunner runner;
    private final int jobs;

    SweepExecutor(GraphRunner runner, int jobs) {
        this.runner = runner;
        this.jobs = jobs;
    }

    /**
     * Runs every plan not in {@code done} and returns all points in sweep order.
     *
     * @throws GraphRunner.Cancelled when the run was cancelled
     */
    List<PointOutcome> run(List<Plan> plans, Path folder, Map<Integer, PointOutcome> done, Finished finished) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, Math.max(1, plans.size())),
                threads());
        Map<Integer, Future<PointOutcome>> running = new LinkedHashMap<>();
        try {
            for (int i = 0; i < plans.size(); i++) {
                if (!done.containsKey(i)) {
                    running.put(i, pool.submit(task(plans, i, folder, finished)));
                }
            }
            return collect(plans.size(), done, running);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs point {@code index}, tells {@code finished}, and returns the point slimmed. */
    private Callable<PointOutcome> task(List<Plan> plans, int index, Path folder, Finished finished) {
        return () -> {
            PointOutcome p = runner.runPoint(plans.get(index), index, plans.size(), folder);
            finished.accept(index, p);
            return slim(p);
        };
    }

    private static List<PointOutcome> collect(int size, Map<Integer, PointOutcome> done,
                                              Map<Integer, Future<PointOutcome>> running) {
        List<PointOutcome> out = new ArrayList<>();
        RuntimeException first = null;
        for (int i = 0; i < size; i++) {
            try {
                out.add(done.containsKey(i) ? done.get(i) : await(running.get(i), i));
            } catch (ExecutionException e) {
                first = first != null ? first : unchecked(e.getCause());
            }
        }
        if (first != null) {
            throw first;
        }
        return out;
    }

    /** The point's outcome once it is done; an interrupt cancels the run. */
    private static PointOutcome await(Future<PointOutcome> point, int i) throws ExecutionException {
        try {
            return point.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphRunner.Cancelled("interrupted while waiting for sweep point " + i);
        }
    }

    private static RuntimeException unchecked(Throwable cause) {
        return cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }

    /** The point with datasets and samples replaced by their JSON summaries (what results and summaries use). */
    private static PointOutcome slim(PointOutcome p) {
        List<NodeOutcome> nodes = new ArrayList<>();
        for (NodeOutcome n : p.nodes()) {
            Map<String, Object> outputs = new LinkedHashMap<>();
            n.outputs().forEach((port, v) -> outputs.put(port, v instanceof Dataset || v instanceof Samples
                    ? new RecordedOutput(Json.of(v)) : v));
            nodes.add(new NodeOutcome(n.node(), n.seed(), n.seconds(), outputs, n.truth(), n.cached()));
        }
        return new PointOutcome(p.point(), nodes, p.failure());
    }

    private static ThreadFactory threads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "milab-point-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
