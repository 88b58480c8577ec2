package org.milab.executor.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.spark.SparkFiles;
import org.milab.platform.MilabVersion;
import org.milab.platform.plugins.PluginHost;

/**
 * The plugin host of one Spark executor JVM, started once from the plugin archives the driver shipped with
 * {@code addFile} (copied out of Spark's file folder into a folder of their own, which PF4J unpacks), and shared
 * by every task that JVM runs. Extensions are stateless; each task gets its own run contexts.
 */
final class ExecutorHost {

    private static PluginHost host;
    private static String key;

    private ExecutorHost() {
    }

    /** The host over the shipped archives {@code names}, started on first use. */
    static synchronized PluginHost get(List<String> names) {
        String want = SparkFiles.getRootDirectory() + "|" + names;
        if (host == null || !want.equals(key)) {
            host = start(names);
            key = want;
        }
        return host;
    }

    private static PluginHost start(List<String> names) {
        try {
            Path dir = Files.createTempDirectory("milab-executor-plugins");
            for (String name : names) {
                Files.copy(Path.of(SparkFiles.get(name)), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            PluginHost started = PluginHost.start(List.of(dir), MilabVersion.current());
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out the shipped plugins on this executor", e);
        }
    }
}
