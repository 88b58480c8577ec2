package org.milab.executor.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.milab.platform.executor.ClusterEngine;
import org.milab.platform.run.PointTask;
import org.milab.platform.run.RemotePoints;
import org.milab.platform.screen.ScreenEngine;

/**
 * A Spark context running milab's sweep points ({@link SparkPoints}) and feature screens ({@link SparkScreen}).
 * Every call into Spark runs with this module's class loader as the thread's context loader, which Spark uses to
 * find its own classes and this module's task functions.
 */
final class SparkEngine implements ClusterEngine {

    private final JavaSparkContext spark;
    private final List<String> plugins;

    SparkEngine(JavaSparkContext spark, List<Path> pluginFiles) {
        this.spark = spark;
        this.plugins = pluginFiles.stream().map(p -> p.getFileName().toString()).toList();
    }

    @Override
    public RemotePoints points(PointTask task) {
        return new RemotePoints(new SparkPoints(spark, task, plugins));
    }

    @Override
    public ScreenEngine screens() {
        return (job, data, progress) -> inSpark(() -> new SparkScreen(spark, plugins).screen(job, data, progress));
    }

    @Override
    public void close() {
        inSpark(() -> {
            spark.stop();
            return null;
        });
    }

    /** Runs {@code call} with this module's class loader as the context class loader. */
    static <T> T inSpark(Supplier<T> call) {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(SparkEngine.class.getClassLoader());
        try {
            return call.get();
        } finally {
            t.setContextClassLoader(before);
        }
    }
}
