package org.milab.executor.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.milab.api.ConfigurationException;
import org.milab.api.MilabException;

/** {@code --master yarn} in client mode: the Hadoop configuration folder, and a ResourceManager that is down. */
class YarnClientModeTest {

    @Test
    void withoutAConfigurationFolderYarnIsAnInputErrorNamingTheVariables() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> YarnClientMode.confFolders(Map.of("HADOOP_CONF_DIR", " ")));
        assertTrue(e.getMessage().contains("HADOOP_CONF_DIR or YARN_CONF_DIR"), e.getMessage());
    }

    @Test
    void aFolderWithoutYarnSiteIsAnInputErrorNamingIt(@TempDir Path dir) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> YarnClientMode.confFolders(Map.of("YARN_CONF_DIR", dir.toString())));
        assertTrue(e.getMessage().contains("no yarn-site.xml in " + dir), e.getMessage());
    }

    @Test
    void theSiteFilesBecomeSparkHadoopSettingsAndSparkLibGoesToTheContainers(@TempDir Path dir) throws IOException {
        Path conf = Files.createDirectory(dir.resolve("conf"));
        writeYarnSite(conf, "rm.example.org:8032");
        Files.writeString(conf.resolve("core-site.xml"), site("fs.defaultFS", "hdfs://nn.example.org:8020"));
        Path lib = Files.createDirectory(dir.resolve("lib"));
        Path module = Files.createFile(lib.resolve("milab-executor-spark.jar"));
        Files.createFile(lib.resolve("spark-core_2.13-3.5.6.jar"));
        SparkConf spark = new SparkConf(false);
        YarnClientMode.configure(spark, Map.of("HADOOP_CONF_DIR", conf.toString()), lib, module);
        assertEquals("rm.example.org:8032", spark.get("spark.hadoop.yarn.resourcemanager.address"));
        assertEquals("hdfs://nn.example.org:8020", spark.get("spark.hadoop.fs.defaultFS"));
        assertEquals(lib.resolve("spark-core_2.13-3.5.6.jar").toUri().toString(), spark.get("spark.yarn.jars"));
        assertEquals("0", spark.get("spark.hadoop.ipc.client.connect.max.retries"));
    }

    /** Spark in the test's class path (not spark/lib): its own SparkContext, apart from SparkExecutorTest's. */
    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aResourceManagerThatIsDownIsAClearErrorAfterABoundedWait(@TempDir Path conf) throws IOException {
        writeYarnSite(conf, "127.0.0.1:1");
        String before = System.getProperty("milab.spark.yarn-wait-s");
        System.setProperty("milab.spark.yarn-wait-s", "3");
        try {
            MilabException e = assertThrows(MilabException.class, () -> SparkContexts.start("yarn",
                    Map.of("HADOOP_CONF_DIR", conf.toString()), List.of(), false));
            assertTrue(e.getMessage().startsWith("cannot reach the YARN ResourceManager at 127.0.0.1:1 within 3 s"),
                    e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty("milab.spark.yarn-wait-s");
            } else {
                System.setProperty("milab.spark.yarn-wait-s", before);
            }
        }
    }

    private static void writeYarnSite(Path conf, String address) throws IOException {
        Files.writeString(conf.resolve("yarn-site.xml"), site("yarn.resourcemanager.address", address));
    }

    private static String site(String name, String value) {
        return "<?xml version=\"1.0\"?>\n<configuration>\n  <property><name>" + name + "</name><value>" + value
                + "</value></property>\n</configuration>\n";
    }
}
