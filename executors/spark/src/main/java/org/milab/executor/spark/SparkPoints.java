package org.milab.executor.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.milab.api.MilabException;
import org.milab.platform.run.PointRecord;
import org.milab.platform.run.PointTask;

/** A sweep's points as Spark tasks, one point per partition; each task runs its point with {@link PointTask}. */
final class SparkPoints {

    private final JavaSparkContext spark;
    private final List<String> plugins;

    SparkPoints(JavaSparkContext spark, List<String> plugins) {
        this.spark = spark;
        this.plugins = plugins;
    }

    /** Runs the {@code points} points of {@code task}; records come back in point order. */
    List<PointRecord> run(PointTask task, int points) {
        List<Integer> indices = IntStream.range(0, points).boxed().toList();
        try {
            List<PointRecord> records = new ArrayList<>(spark.parallelize(indices, points)
                    .map(new RunPoint(task, plugins)).collect());
            records.sort(Comparator.comparingInt(PointRecord::index));
            return records;
        } catch (RuntimeException e) {
            throw new MilabException("the Spark job failed: " + SparkErrors.message(e), e);
        }
    }

    /** The task function: point {@code i} on this executor's plugin host. */
    private record RunPoint(PointTask task, List<String> plugins) implements Function<Integer, PointRecord> {
        private static final long serialVersionUID = 1L;

        @Override
        public PointRecord call(Integer i) {
            return task.run(ExecutorHost.get(plugins), i);
        }
    }
}
