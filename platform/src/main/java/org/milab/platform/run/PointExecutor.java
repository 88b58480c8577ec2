package org.milab.platform.run;

import java.util.List;
import org.milab.platform.graph.Plan;

/**
 * Runs a validated sweep's points somewhere else (a Spark cluster, for example) and brings back each point's
 * {@link PointRecord}; {@link RunService} writes them into the run folder as it writes a local run's.
 */
public interface PointExecutor {

    /**
     * Runs every point of {@code plans}. A point that fails comes back as a {@linkplain PointRecord#failed failed
     * record}: the other points still run.
     *
     * @param plans the validated plans, one per point
     * @return one record per point, in point order
     */
    List<PointRecord> run(List<Plan> plans);
}
