package org.milab.executor.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.milab.api.MilabException;
import org.milab.platform.executor.MasterUrl;

/**
 * Starts the Spark context for a master URL: checks first that a standalone master answers (a clear error in
 * seconds, instead of Spark's minute of retries), keeps Spark's logging to warnings unless {@code --verbose}, ships
 * every plugin archive with {@code addFile}, and on a cluster ships the host's and this module's jars and waits a
 * bounded time for the first executor.
 */
final class SparkContexts {

    /** How long to wait for a standalone master to accept a connection. */
    static final int CONNECT_TIMEOUT_MS = 5_000;

    /** How long a cluster may take to grant the first executor, in seconds. */
    static final long EXECUTOR_WAIT_S = 120;

    private SparkContexts() {
    }

    static JavaSparkContext start(String master, List<Path> pluginFiles, boolean verbose) {
        if (master.startsWith("spark://")) {
            checkReachable(master);
        }
        checkClusterManager(master);
        Configurator.setRootLevel(verbose ? Level.INFO : Level.WARN);
        Configurator.setLevel("org.apache.spark", verbose ? Level.INFO : Level.ERROR);
        Configurator.setLevel("org.apache.hadoop", Level.ERROR);
        SparkConf conf = new SparkConf().setAppName("milab").setMaster(master).set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false");
        if (MasterUrl.isLocal(master)) {
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        } else {
            conf.setJars(ClusterJars.of(SparkContexts.class).toArray(String[]::new))
                    .set("spark.executor.userClassPathFirst", "true");
        }
        JavaSparkContext spark;
        try {
            spark = SparkEngine.inSpark(() -> new JavaSparkContext(conf));
        } catch (RuntimeException | LinkageError e) {
            String hint = e instanceof IllegalAccessError || String.valueOf(e.getMessage()).contains("module java.")
                    ? " (Spark needs the --add-opens flags the milab launcher passes with --executor spark)" : "";
            throw new MilabException("cannot start Spark with master " + master + ": " + e.getMessage() + hint, e);
        }
        pluginFiles.forEach(p -> spark.addFile(p.toString()));
        if (!MasterUrl.isLocal(master)) {
            awaitExecutors(spark, master);
        }
        return spark;
    }

    /**
     * Waits up to {@link #EXECUTOR_WAIT_S} seconds (system property {@code milab.spark.executor-wait-s}) for a
     * cluster to grant at least one executor, so that a master without free workers fails instead of hanging.
     */
    static void awaitExecutors(JavaSparkContext spark, String master) {
        long waitS = Long.getLong("milab.spark.executor-wait-s", EXECUTOR_WAIT_S);
        long deadline = System.nanoTime() + waitS * 1_000_000_000L;
        while (spark.sc().statusTracker().getExecutorInfos().length < 2) { // the driver counts as one
            if (spark.sc().isStopped() || System.nanoTime() > deadline) {
                spark.stop();
                throw new MilabException("no Spark executor registered with " + master + " within " + waitS
                        + " s; are workers running with free cores and memory?");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                spark.stop();
                throw new MilabException("interrupted while waiting for Spark executors", e);
            }
        }
    }

    /** Throws when {@code master} needs a Spark cluster manager (YARN, Kubernetes) this distribution lacks. */
    static void checkClusterManager(String master) {
        String manager = master.equals("yarn") ? "org.apache.spark.deploy.yarn.YarnClusterManager"
                : master.startsWith("k8s://") ? "org.apache.spark.scheduler.cluster.k8s.KubernetesClusterManager" : null;
        if (manager == null) {
            return;
        }
        try {
            Class.forName(manager, false, SparkContexts.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            String module = master.equals("yarn") ? "spark-yarn_2.13" : "spark-kubernetes_2.13";
            throw new MilabException("--master " + master + ": this distribution's Spark (spark/lib) has no "
                    + module + "; add its " + org.apache.spark.package$.MODULE$.SPARK_VERSION()
                    + " jars and their dependencies to spark/lib, or use spark://HOST:PORT");
        }
    }

    /**
     * Throws unless some master of {@code spark://H1:P1,H2:P2} accepts a TCP connection.
     *
     * @throws MilabException naming every master and why it could not be reached
     */
    static void checkReachable(String master) {
        List<String> why = new ArrayList<>();
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            int colon = hostPort.lastIndexOf(':');
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(hostPort.substring(0, colon),
                        Integer.parseInt(hostPort.substring(colon + 1))), CONNECT_TIMEOUT_MS);
                return;
            } catch (IOException | IllegalArgumentException e) {
                why.add(hostPort + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        throw new MilabException("cannot reach the Spark master " + master + " (" + String.join("; ", why)
                + "); start it (sbin/start-master.sh) or check --master");
    }
}
