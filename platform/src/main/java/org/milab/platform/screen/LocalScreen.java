package org.milab.platform.screen;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.milab.api.MilabException;
import org.milab.platform.plugins.ExtensionRegistry;

/** A screen on {@code jobs} threads of this JVM, each taking the next feature as it finishes one. */
public final class LocalScreen implements ScreenEngine {

    private final ExtensionRegistry registry;
    private final int jobs;

    /** A screen over {@code registry}'s estimators on {@code jobs} threads. */
    public LocalScreen(ExtensionRegistry registry, int jobs) {
        this.registry = registry;
        this.jobs = jobs;
    }

    @Override
    public List<FeatureScore> screen(ScreenJob job, FeatureColumns data, IntConsumer progress) {
        Work work = new Work(data, progress);
        ExecutorService pool = newPool();
        try {
            runWorkers(pool, job, work);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MilabException("the screen was interrupted", e);
        } catch (ExecutionException e) {
            throw new MilabException("a screen worker failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return work.scores();
    }

    private ExecutorService newPool() {
        return Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "milab-screen");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@link #jobs} workers on {@code pool} and waits for them all. */
    private void runWorkers(ExecutorService pool, ScreenJob job, Work work)
            throws InterruptedException, ExecutionException {
        try (FeatureScreen screen = new FeatureScreen(registry, job)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < jobs; w++) {
                workers.add(pool.submit(() -> work.scoreAll(screen)));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        }
    }

    /** The features to score, shared by the workers: each takes the next one as it finishes one. */
    private static final class Work {
        private final FeatureColumns data;
        private final IntConsumer progress;
        private final FeatureScore[] scores;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();

        Work(FeatureColumns data, IntConsumer progress) {
            this.data = data;
            this.progress = progress;
            this.scores = new FeatureScore[data.size()];
        }

        void scoreAll(FeatureScreen screen) {
            for (int i = next.getAndIncrement(); i < data.size(); i = next.getAndIncrement()) {
                scores[i] = screen.score(data.names().get(i), data.features().get(i), data.target());
                progress.accept(done.incrementAndGet());
            }
        }

        List<FeatureScore> scores() {
            return List.of(scores);
        }
    }
}
