package org.milab.platform.executor;

import org.milab.platform.run.PointTask;
import org.milab.platform.run.RemotePoints;
import org.milab.platform.screen.ScreenEngine;

/**
 * A connection to a cluster (Spark) that runs sweep points and feature screens as its tasks. Implemented outside
 * the host's class path and opened by {@link ClusterEngines}.
 */
public interface ClusterEngine extends AutoCloseable {

    /** Runs {@code task}'s sweep points as cluster tasks, one task per point. */
    RemotePoints points(PointTask task);

    /** Runs feature screens as cluster tasks, partitioned by feature columns. */
    ScreenEngine screens();

    /** Disconnects from the cluster. */
    @Override
    void close();
}
