package org.milab.executor.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.milab.platform.run.PointRecord;
import org.milab.platform.run.PointTask;
import org.milab.platform.run.RemotePoints;

/**
 * A sweep's points as Spark jobs of one task each, all submitted at once (Spark runs them as cores free up), so
 * the driver gets each point back, and journals it, as soon as it is done. Each task runs its point with
 * {@link PointTask} on its executor's plugin host.
 */
final class SparkPoints implements RemotePoints.Submitter {

    private final JavaSparkContext spark;
    private final PointTask task;
    private final List<String> plugins;

    SparkPoints(JavaSparkContext spark, PointTask task, List<String> plugins) {
        this.spark = spark;
        this.task = task;
        this.plugins = plugins;
    }

    @Override
    public List<Future<PointRecord>> submit(List<Integer> indices) {
        return SparkEngine.inSpark(() -> {
            List<Future<PointRecord>> jobs = new ArrayList<>();
            for (int i : indices) {
                spark.setJobDescription("milab point " + i);
                jobs.add(new OnlyRecord(spark.parallelize(List.of(i), 1).map(new RunPoint(task, plugins))
                        .collectAsync()));
            }
            return jobs;
        });
    }

    /** The task function: point {@code i} on this executor's plugin host. */
    private record RunPoint(PointTask task, List<String> plugins) implements Function<Integer, PointRecord> {
        private static final long serialVersionUID = 1L;

        @Override
        public PointRecord call(Integer i) {
            return task.run(ExecutorHost.get(plugins), i);
        }
    }

    /** A one-task job's result: its only record. */
    private record OnlyRecord(JavaFutureAction<List<PointRecord>> job) implements Future<PointRecord> {

        @Override
        public boolean cancel(boolean interrupt) {
            return job.cancel(interrupt);
        }

        @Override
        public boolean isCancelled() {
            return job.isCancelled();
        }

        @Override
        public boolean isDone() {
            return job.isDone();
        }

        @Override
        public PointRecord get() throws InterruptedException, ExecutionException {
            return job.get().get(0);
        }

        @Override
        public PointRecord get(long timeout, TimeUnit unit)
                throws InterruptedException, ExecutionException, TimeoutException {
            return job.get(timeout, unit).get(0);
        }
    }
}
