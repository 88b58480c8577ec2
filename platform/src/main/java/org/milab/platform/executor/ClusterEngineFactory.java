package org.milab.platform.executor;

import java.nio.file.Path;
import java.util.List;

/** Opens a {@link ClusterEngine}; found with {@link java.util.ServiceLoader} in an executor's own class loader. */
public interface ClusterEngineFactory {

    /** The executor's name on the command line ({@code --executor NAME}). */
    String name();

    /**
     * Connects to {@code master}.
     *
     * @param master      a master URL already checked by {@link MasterUrl}
     * @param pluginFiles the plugin archives to ship to the cluster's executors
     * @param verbose     whether to let the cluster's own logging through
     * @throws org.milab.api.MilabException when the master cannot be reached
     */
    ClusterEngine open(String master, List<Path> pluginFiles, boolean verbose);
}
