package org.milab.executor.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.milab.api.MilabException;
import org.milab.api.data.Samples;
import org.milab.platform.screen.FeatureColumns;
import org.milab.platform.screen.FeatureScore;
import org.milab.platform.screen.FeatureScreen;
import org.milab.platform.screen.ScreenEngine;
import org.milab.platform.screen.ScreenJob;

/**
 * A feature screen partitioned by feature columns: the columns are split into a few partitions per core, the
 * target is broadcast, and each task scores its columns with {@link FeatureScreen} on its executor's plugin host.
 * Progress counts the features of finished tasks.
 */
final class SparkScreen implements ScreenEngine {

    /** Partitions per core: enough to balance uneven features, few enough to keep task overhead small. */
    static final int PARTITIONS_PER_CORE = 4;

    private final JavaSparkContext spark;
    private final List<String> plugins;

    SparkScreen(JavaSparkContext spark, List<String> plugins) {
        this.spark = spark;
        this.plugins = plugins;
    }

    @Override
    public List<FeatureScore> screen(ScreenJob job, FeatureColumns data, IntConsumer progress) {
        List<Column> columns = columns(data);
        int partitions = Math.max(1, Math.min(data.size(), spark.defaultParallelism() * PARTITIONS_PER_CORE));
        Samples t = data.target();
        Broadcast<Target> target = spark.broadcast(new Target(t.columnNames(), t.rows(), t.cols(), t.toRowMajor()));
        FeaturesDone listener = new FeaturesDone(data.size(), partitions, progress);
        spark.sc().addSparkListener(listener);
        try {
            return score(job, columns, partitions, target, progress);
        } finally {
            spark.sc().removeSparkListener(listener);
            target.destroy();
        }
    }

    /** Runs the job: each partition scores its columns against the broadcast target. */
    private List<FeatureScore> score(ScreenJob job, List<Column> columns, int partitions, Broadcast<Target> target,
                                     IntConsumer progress) {
        try {
            List<FeatureScore> scores = spark.parallelize(columns, partitions)
                    .mapPartitions(new ScorePartition(job, plugins, target)).collect();
            progress.accept(columns.size()); // the listener bus may deliver the last task's end after collect returns
            return scores;
        } catch (RuntimeException e) {
            throw new MilabException("the Spark job failed: " + SparkErrors.message(e), e);
        }
    }

    private static List<Column> columns(FeatureColumns data) {
        List<Column> columns = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            columns.add(new Column(data.names().get(i), data.features().get(i)));
        }
        return columns;
    }

    /** One feature column, as shipped in a partition. */
    record Column(String name, double[] values) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** The target, as broadcast. */
    record Target(List<String> names, int rows, int cols, double[] rowMajor) implements Serializable {
        private static final long serialVersionUID = 1L;

        Samples samples() {
            return Samples.wrap(rows, cols, rowMajor, names);
        }
    }

    /** The task function: score a partition's columns in order. */
    private record ScorePartition(ScreenJob job, List<String> plugins, Broadcast<Target> target)
            implements FlatMapFunction<Iterator<Column>, FeatureScore> {
        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<FeatureScore> call(Iterator<Column> columns) {
            Samples y = target.value().samples();
            List<FeatureScore> out = new ArrayList<>();
            try (FeatureScreen screen = new FeatureScreen(ExecutorHost.get(plugins).registry(), job)) {
                columns.forEachRemaining(c -> out.add(screen.score(c.name(), c.values(), y)));
            }
            return out.iterator();
        }
    }

    /**
     * Counts features of finished tasks: partition {@code p} of {@code n} features in {@code k} partitions holds
     * the features Spark's {@code parallelize} puts there (from {@code p*n/k} to {@code (p+1)*n/k}).
     */
    private static final class FeaturesDone extends SparkListener {
        private final int features;
        private final int partitions;
        private final IntConsumer progress;
        private final AtomicInteger done = new AtomicInteger();

        FeaturesDone(int features, int partitions, IntConsumer progress) {
            this.features = features;
            this.partitions = partitions;
            this.progress = progress;
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            if (end.taskInfo().successful()) {
                long p = end.taskInfo().index();
                int size = (int) ((p + 1) * features / partitions - p * features / partitions);
                progress.accept(done.addAndGet(size));
            }
        }
    }
}
