package org.milab.platform.cli;

import org.milab.platform.executor.ClusterEngine;
import org.milab.platform.executor.ClusterEngines;
import org.milab.platform.executor.MasterUrl;
import picocli.CommandLine.Option;

/** The {@code --executor local|spark} and {@code --master URL} options of commands that can run on a cluster. */
final class ExecutorOptions {

    /** Where the work runs. */
    enum Executor { LOCAL, SPARK }

    @Option(names = "--executor", paramLabel = "local|spark",
            description = "where the work runs: local (this JVM) or spark (default: ${DEFAULT-VALUE})")
    Executor executor = Executor.LOCAL;

    @Option(names = "--master", paramLabel = "URL", description = "with --executor spark: local[*], local[N], "
            + "spark://HOST:PORT, yarn or k8s://URL (default: " + MasterUrl.DEFAULT + ")")
    String master;

    /** Whether the work runs on Spark; checks the options first. */
    boolean spark() {
        if (master != null && executor != Executor.SPARK) {
            throw new org.milab.api.ConfigurationException("--master " + master, "needs --executor spark");
        }
        if (executor == Executor.SPARK) {
            MasterUrl.check(masterUrl());
        }
        return executor == Executor.SPARK;
    }

    /** Connects the Spark executor to the master, shipping {@code host}'s plugin archives. */
    ClusterEngine open(HostOptions host) {
        return ClusterEngines.open("spark", ClusterEngines.libraries("spark", HostOptions.builtinPlugins()),
                masterUrl(), host.pluginFolders(), host.verbose);
    }

    private String masterUrl() {
        return master == null ? MasterUrl.DEFAULT : master;
    }
}
