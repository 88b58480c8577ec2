package org.milab.platform.cli;

import java.util.List;
import org.milab.platform.executor.ClusterEngine;
import org.milab.platform.run.PointTask;
import org.milab.platform.run.RunOptions;
import org.milab.platform.run.RunReport;
import org.milab.platform.run.RunRequest;
import org.milab.platform.run.RunService;

/** {@code milab run --executor spark}: the run's points as cluster tasks, recorded like a local run's. */
final class RemoteRun {

    private RemoteRun() {
    }

    /** Runs {@code request} (read with {@code sets}) on {@code engine}, then disconnects. */
    static RunReport run(RunService service, RunRequest request, RunOptions options, List<String> sets,
                         ClusterEngine engine) {
        try (engine) {
            return service.run(request, options, engine.points(PointTask.of(request.graph(), sets)));
        }
    }
}
