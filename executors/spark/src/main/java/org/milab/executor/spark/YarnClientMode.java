package org.milab.executor.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.milab.api.ConfigurationException;
import org.milab.api.MilabException;

/**
 * {@code --master yarn} in client mode, as {@code spark-submit --master yarn} sets it up: the cluster's Hadoop
 * configuration comes from {@code HADOOP_CONF_DIR} or {@code YARN_CONF_DIR} (spark-submit puts those folders on the
 * driver's class path; here their {@code *-site.xml} files become {@code spark.hadoop.*} settings, which every
 * Hadoop configuration Spark creates takes), Spark's jars in {@code spark/lib} go to the containers as
 * {@code spark.yarn.jars} (there is no {@code SPARK_HOME} to upload), and the ResourceManager client gives up after
 * a bounded wait instead of Hadoop's default of 15 minutes.
 */
final class YarnClientMode {

    /** The variables naming the cluster's Hadoop configuration folder, in the order spark-submit reads them. */
    static final List<String> CONF_VARIABLES = List.of("HADOOP_CONF_DIR", "YARN_CONF_DIR");

    /** How long to try to reach the ResourceManager, in seconds (system property {@code milab.spark.yarn-wait-s}). */
    static final long RESOURCE_MANAGER_WAIT_S = 30;

    private static final List<String> SITE_FILES = List.of("core-site.xml", "hdfs-site.xml", "yarn-site.xml");

    private YarnClientMode() {
    }

    /**
     * Sets {@code conf} up for YARN from {@code env}.
     *
     * @throws ConfigurationException when neither variable is set, or no folder they name holds a yarn-site.xml
     */
    static void configure(SparkConf conf, Map<String, String> env, Path sparkLib, Path moduleJar) {
        copySiteFiles(confFolders(env), conf);
        long waitMs = waitSeconds() * 1000;
        long retryMs = Math.min(waitMs, 1000);
        conf.set("spark.hadoop.yarn.resourcemanager.connect.max-wait.ms", Long.toString(waitMs))
                .set("spark.hadoop.yarn.resourcemanager.connect.retry-interval.ms", Long.toString(retryMs))
                .set("spark.hadoop.ipc.client.connect.max.retries", "0")
                .set("spark.hadoop.ipc.client.connect.max.retries.on.timeouts", "0")
                .set("spark.hadoop.ipc.client.connect.timeout", Long.toString(Math.min(waitMs, 5000)))
                .set("spark.yarn.jars", sparkJars(sparkLib, moduleJar));
    }

    /** Copies the settings of each site file found in {@code folders} that {@code conf} does not set yet. */
    private static void copySiteFiles(List<Path> folders, SparkConf conf) {
        for (Path folder : folders) {
            for (String site : SITE_FILES) {
                Path file = folder.resolve(site);
                if (Files.isRegularFile(file)) {
                    copySettings(file, conf);
                }
            }
        }
    }

    /** The folders {@code HADOOP_CONF_DIR} and {@code YARN_CONF_DIR} name, at least one with a yarn-site.xml. */
    static List<Path> confFolders(Map<String, String> env) {
        List<Path> folders = new ArrayList<>();
        for (String variable : CONF_VARIABLES) {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                folders.add(Path.of(value));
            }
        }
        requireYarnSite(folders);
        return folders;
    }

    private static void requireYarnSite(List<Path> folders) {
        if (folders.isEmpty()) {
            throw new ConfigurationException("--master yarn", "set HADOOP_CONF_DIR or YARN_CONF_DIR to the folder "
                    + "of the cluster's yarn-site.xml and core-site.xml, as for spark-submit");
        }
        if (folders.stream().noneMatch(f -> Files.isRegularFile(f.resolve("yarn-site.xml")))) {
            throw new ConfigurationException("--master yarn", "no yarn-site.xml in " + folders.stream()
                    .map(Path::toString).collect(Collectors.joining(" or "))
                    + " (HADOOP_CONF_DIR/YARN_CONF_DIR); expected the cluster's Hadoop configuration folder");
        }
    }

    /** The one-line error for a ResourceManager that did not answer, naming where it was looked for. */
    static String unreachable(SparkConf conf, Throwable cause) {
        String address = conf.get("spark.hadoop.yarn.resourcemanager.address",
                conf.get("spark.hadoop.yarn.resourcemanager.hostname", "0.0.0.0") + ":8032");
        return "cannot reach the YARN ResourceManager at " + address + " within " + waitSeconds()
                + " s (-Dmilab.spark.yarn-wait-s): " + SparkErrors.message(cause)
                + "; check yarn-site.xml in HADOOP_CONF_DIR/YARN_CONF_DIR and that the cluster is up";
    }

    static long waitSeconds() {
        return Long.getLong("milab.spark.yarn-wait-s", RESOURCE_MANAGER_WAIT_S);
    }

    private static void copySettings(Path file, SparkConf conf) {
        Configuration site = new Configuration(false);
        site.addResource(new org.apache.hadoop.fs.Path(file.toUri()));
        try {
            for (Map.Entry<String, String> e : site) {
                conf.setIfMissing("spark.hadoop." + e.getKey(), e.getValue());
            }
        } catch (RuntimeException e) {
            throw new ConfigurationException(file.toString(), "not a Hadoop configuration file: "
                    + SparkErrors.message(e));
        }
    }

    /** Every jar of {@code spark/lib} but this module's, which goes with {@code spark.jars} beside the host's. */
    private static String sparkJars(Path sparkLib, Path moduleJar) {
        try (Stream<Path> jars = Files.list(sparkLib)) {
            return jars.filter(p -> p.toString().endsWith(".jar") && !p.equals(moduleJar)).sorted()
                    .map(p -> p.toUri().toString()).collect(Collectors.joining(","));
        } catch (IOException e) {
            throw new MilabException("cannot list " + sparkLib + ": " + e.getMessage(), e);
        }
    }
}
