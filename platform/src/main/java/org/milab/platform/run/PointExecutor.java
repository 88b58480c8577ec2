package org.milab.platform.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.milab.platform.graph.Plan;

/** Runs the points of a validated sweep somewhere else than this JVM's threads: a cluster ({@link RemotePoints}). */
public interface PointExecutor {

    /** Told when point {@code index} has finished (before any other point can see it). */
    @FunctionalInterface
    interface Finished {
        void accept(int index, PointOutcome point);
    }

    /**
     * Runs every plan not in {@code done}; node files go below {@code folder} as {@link RunLayout} says. A point
     * that fails comes back with its failure; the others still run.
     *
     * @return all points in sweep order
     */
    List<PointOutcome> run(List<Plan> plans, Path folder, Map<Integer, PointOutcome> done, Finished finished);
}
