package org.milab.platform.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.milab.platform.graph.Plan;

/**
 * Sweep points run somewhere else (a Spark cluster): the points not yet done are submitted at once; each comes
 * back as a {@link PointRecord}, which is restored into a {@link PointOutcome} below the run folder and journaled
 * as soon as it and the points before it are back, so a resumed run skips it.
 */
public final class RemotePoints implements PointExecutor {

    /** Starts points remotely. */
    @FunctionalInterface
    public interface Submitter {
        /** Starts the points {@code indices}; one future per index, in that order. */
        List<Future<PointRecord>> submit(List<Integer> indices);
    }

    private final Submitter submitter;

    /** Points run by {@code submitter}. */
    public RemotePoints(Submitter submitter) {
        this.submitter = submitter;
    }

    @Override
    public List<PointOutcome> run(List<Plan> plans, Path folder, Map<Integer, PointOutcome> done, Finished finished) {
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            if (!done.containsKey(i)) {
                todo.add(i);
            }
        }
        Map<Integer, PointOutcome> back = awaitAll(plans, todo, new RunDirectory(folder), finished);
        back.putAll(done);
        List<PointOutcome> out = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            out.add(back.get(i));
        }
        return out;
    }

    /** Submits the points {@code todo} and waits for each in turn, telling {@code finished} as each arrives. */
    private Map<Integer, PointOutcome> awaitAll(List<Plan> plans, List<Integer> todo, RunDirectory dir,
            Finished finished) {
        List<Future<PointRecord>> futures = submitter.submit(todo);
        Map<Integer, PointOutcome> back = new LinkedHashMap<>();
        for (int k = 0; k < todo.size(); k++) {
            int i = todo.get(k);
            PointOutcome p = await(futures.get(k), i).restore(plans.get(i), dir);
            finished.accept(i, p);
            back.put(i, p);
        }
        return back;
    }

    private static PointRecord await(Future<PointRecord> f, int index) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphRunner.Cancelled("interrupted while waiting for sweep point " + index);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return PointRecord.failed(index, "the point's task failed: " + (cause.getMessage() == null
                    ? cause.getClass().getSimpleName() : cause.getMessage().lines().findFirst().orElse("")));
        }
    }
}
