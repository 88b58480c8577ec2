package org.milab.executor.spark;

import java.nio.file.Path;
import java.util.List;
import org.milab.platform.executor.ClusterEngine;
import org.milab.platform.executor.ClusterEngineFactory;

/** {@code --executor spark}: found by the host with {@link java.util.ServiceLoader} in the Spark class loader. */
public final class SparkEngineFactory implements ClusterEngineFactory {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public ClusterEngine open(String master, List<Path> pluginFiles, boolean verbose) {
        return new SparkEngine(SparkContexts.start(master, pluginFiles, verbose), pluginFiles);
    }
}
