package org.milab.executor.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * bounded time for the first executor. {@code yarn} runs in client mode, set up by {@link YarnClientMode}.
 */
final class SparkContexts {

    /** How long to wait for a standalone master to accept a connection. */
    static final int CONNECT_TIMEOUT_MS = 5_000;

    /** How long a cluster may take to grant the first executor, in seconds. */
    static final long EXECUTOR_WAIT_S = 120;

    private SparkContexts() {
    }

    static JavaSparkContext start(String master, List<Path> pluginFiles, boolean verbose) {
        return start(master, System.getenv(), pluginFiles, verbose);
    }

    /** As {@link #start(String, List, boolean)}, reading {@code HADOOP_CONF_DIR}/{@code YARN_CONF_DIR} from env. */
    static JavaSparkContext start(String master, Map<String, String> env, List<Path> pluginFiles, boolean verbose) {
        if (master.startsWith("spark://")) {
            checkReachable(master);
        }
        checkClusterManager(master);
        setLogLevels(verbose);
        JavaSparkContext spark = newContext(master, conf(master, env));
        pluginFiles.forEach(p -> spark.addFile(p.toString()));
        if (!MasterUrl.isLocal(master)) {
            awaitExecutors(spark, master);
        }
        return spark;
    }

    private static JavaSparkContext newContext(String master, SparkConf conf) {
        try {
            return SparkEngine.inSpark(() -> new JavaSparkContext(conf));
        } catch (Exception | LinkageError e) { // Hadoop's ConnectException reaches here undeclared, through Scala
            throw startFailure(master, conf, e);
        }
    }

    /** Spark and Hadoop log warnings (everything with {@code verbose}), not their start-up chatter. */
    private static void setLogLevels(boolean verbose) {
        Configurator.setRootLevel(verbose ? Level.INFO : Level.WARN);
        Configurator.setLevel("org.apache.spark", verbose ? Level.INFO : Level.ERROR);
        Configurator.setLevel("org.apache.hadoop", Level.ERROR);
        // Its "Error initializing SparkContext" stack trace repeats what startFailure reports in one line.
        Configurator.setLevel("org.apache.spark.SparkContext", verbose ? Level.INFO : Level.OFF);
    }

    private static SparkConf conf(String master, Map<String, String> env) {
        SparkConf conf = new SparkConf().setAppName("milab").setMaster(master).set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false");
        if (MasterUrl.isLocal(master)) {
            return conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        }
        conf.setJars(ClusterJars.of(SparkContexts.class).toArray(String[]::new))
                .set("spark.executor.userClassPathFirst", "true");
        if (master.equals("yarn")) {
            Path moduleJar = ClusterJars.moduleJar(SparkContexts.class);
            YarnClientMode.configure(conf, env, moduleJar.getParent(), moduleJar);
        }
        return conf;
    }

    private static MilabException startFailure(String master, SparkConf conf, Throwable e) {
        if (master.equals("yarn") && isConnectionFailure(e)) {
            return new MilabException(YarnClientMode.unreachable(conf, e), e);
        }
        String hint = e instanceof IllegalAccessError || String.valueOf(e.getMessage()).contains("module java.")
                ? " (Spark needs the --add-opens flags the milab launcher passes with --executor spark)" : "";
        return new MilabException("cannot start Spark with master " + master + ": " + e.getMessage() + hint, e);
    }

    private static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketException || t instanceof SocketTimeoutException
                    || t instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
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
            pause(spark);
        }
    }

    /** Sleeps 200 ms; stops {@code spark} and throws when interrupted. */
    private static void pause(JavaSparkContext spark) {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            spark.stop();
            throw new MilabException("interrupted while waiting for Spark executors", e);
        }
    }

    /**
     * Throws for {@code k8s://} unless a Kubernetes cluster manager matching this Spark is in spark/lib: Spark's
     * spark-kubernetes_2.13 is published for Spark 4 only (none for 3.5), and Spark 4's needs Spark 4 throughout.
     */
    static void checkClusterManager(String master) {
        if (!master.startsWith("k8s://")) {
            return;
        }
        try {
            Class.forName("org.apache.spark.scheduler.cluster.k8s.KubernetesClusterManager", false,
                    SparkContexts.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            String version = org.apache.spark.package$.MODULE$.SPARK_VERSION();
            throw new MilabException("--master " + master + ": Kubernetes is not supported by this distribution: "
                    + "it runs Spark " + version + ", for which Maven Central serves no spark-kubernetes_2.13 (that "
                    + "artefact exists only for Spark 4, which would need the whole executor on Spark 4); "
                    + "use spark://HOST:PORT (e.g. a standalone cluster on Kubernetes) or yarn");
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
