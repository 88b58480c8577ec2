package org.milab.plugins.neural;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.milab.api.EstimationException;
import org.milab.api.bound.MiBound;
import org.milab.api.bound.TrainingObjective;

/**
 * Trains one critic on one bound with Adam, one minibatch at a time, and evaluates the bound on held-out batches.
 *
 * <p>The critic trains on the backend {@link CriticBackend} picks: the engine's autograd or milab's fused CPU
 * kernels; the bound is always the engine's.
 *
 * <p>Memory: the critic's parameters and Adam's moments live in a sub-manager of the caller's manager (or, fused,
 * in float arrays), closed by {@link #close()}; everything a step creates (batch, scores, gradients) lives in the
 * step manager the caller opens and closes around each call, so memory stays flat however many steps run. Each
 * step's value, objective and largest |score| are read back in batches of {@value #READBACK_EVERY} steps, one copy
 * per batch, for the trace and the divergence check.
 *
 * <p>Divergence (a non-finite value or objective, or a score beyond {@code maxScore} in absolute value) throws an
 * {@link EstimationException} naming the bound, the step and what to try.
 */
final class CriticTrainer implements AutoCloseable {

    private final String boundName;
    private final MiBound bound;
    private final TrainingObjective objective;
    /** Whether the bound keeps the default objective (its value), so the value need not be computed twice. */
    private final boolean trainsOnValue;
    private final NDManager model;
    private final CriticModel critic;
    private final double learningRate;
    private final double maxScore;
    private final StepSink sink;
    private final List<NDArray> pendingRecords = new ArrayList<>();
    private NDManager pending;
    private long firstPendingStep;

    /** Steps between two read-backs of the per-step values (a divergence is reported at most this late). */
    static final int READBACK_EVERY = 50;

    /**
     * Initialises {@code critic} for batches {@code x (n, dx)}, {@code y (n, dy)}; seeds the engine's random
     * generator from the settings' seed first (the engine's generator is process-wide: runs are reproducible when they
     * do not train concurrently in one JVM).
     */
    CriticTrainer(String boundName, MiBound bound, Block critic, Shape x, Shape y, Settings settings,
                  NDManager parent, StepSink sink) {
        this.boundName = boundName;
        this.bound = bound;
        this.objective = bound.newObjective();
        this.trainsOnValue = keepsDefaultObjective(bound);
        this.learningRate = settings.learningRate();
        this.maxScore = settings.maxScore();
        this.sink = sink;
        Engine engine = parent.getEngine();
        engine.setRandomSeed(Long.hashCode(settings.seed()) & Integer.MAX_VALUE);
        this.model = parent.newSubManager();
        critic.initialize(model, DataType.FLOAT32, x, y);
        this.critic = settings.backend().open(critic, Math.toIntExact(x.get(1)), model, learningRate);
        this.pending = model.newSubManager();
    }

    private static boolean keepsDefaultObjective(MiBound bound) {
        try {
            return bound.getClass().getMethod("newObjective").getDeclaringClass() == MiBound.class;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("MiBound declares newObjective()", e);
        }
    }

    /**
     * One step on a batch owned by the caller's step manager. Its value, objective and largest |score| stay on the
     * engine side; every {@value #READBACK_EVERY} steps, and on {@link #flush()}, they are read back in one copy,
     * checked in order, and passed to the sink.
     */
    void step(NDList batch, long step) {
        NDArray scores;
        NDArray target;
        try (GradientCollector collector = model.getEngine().newGradientCollector()) {
            scores = scores(batch, true, step);
            target = objective.objective(scores);
            collector.backward(target.neg());
        }
        critic.update(scores);
        // gradient recording is off again here, so these records build no graph
        NDArray value = trainsOnValue ? target : bound.value(scores);
        NDArray record = NDArrays.stack(new NDList(value, target, scores.abs().max()));
        record.attach(pending);
        pendingRecords.add(record);
        if (pendingRecords.size() == 1) {
            firstPendingStep = step;
        }
        if (pendingRecords.size() >= READBACK_EVERY) {
            flush();
        }
    }

    /**
     * Reads back the steps not yet passed to the sink, checks them in order and passes them on; throws at the first
     * diverged step (the steps before it reach the sink).
     */
    void flush() {
        if (pendingRecords.isEmpty()) {
            return;
        }
        NDArray all = NDArrays.stack(new NDList(pendingRecords));
        float[] read = Floats.of(all);
        long first = firstPendingStep;
        int count = pendingRecords.size();
        pendingRecords.clear();
        pending.close();
        pending = model.newSubManager();
        for (int i = 0; i < count; i++) {
            check(read[3 * i], read[3 * i + 1], read[3 * i + 2], first + i);
            sink.accept(first + i, read[3 * i], read[3 * i + 1]);
        }
    }

    /**
     * Adam's learning rate, the largest |score| before the run counts as diverged, the seed of the engine's
     * random generator (initial weights, engine-side batches), and where the critic trains.
     */
    record Settings(double learningRate, double maxScore, long seed, CriticBackend backend) {

        /** With the {@link CriticBackend#AUTO automatic} backend. */
        Settings(double learningRate, double maxScore, long seed) {
            this(learningRate, maxScore, seed, CriticBackend.AUTO);
        }
    }

    /** Which backend trains the critic, in words. */
    String backend() {
        return critic.description();
    }

    /** Receives each step's training-batch value and objective, in step order. */
    @FunctionalInterface
    interface StepSink {
        void accept(long step, float value, float objective);
    }

    /** The bound's value on one held-out batch (no training). */
    double evaluate(NDList batch, long step) {
        NDArray scores = scores(batch, false, step);
        float value = bound.value(scores).getFloat();
        if (!Float.isFinite(value)) {
            throw diverged(step, "the bound's value on held-out data is " + value);
        }
        return value;
    }

    private NDArray scores(NDList batch, boolean training, long step) {
        NDArray scores = training ? critic.trainingScores(batch) : critic.scores(batch);
        if (step != 1) {
            return scores;
        }
        long n = batch.get(0).getShape().get(0);
        long m = batch.get(1).getShape().get(0);
        if (!scores.getShape().equals(new Shape(n, m))) {
            throw new EstimationException("the critic returned scores of shape " + scores.getShape() + " for a batch of "
                    + n + " pairs; a critic must return the " + n + "x" + m + " matrix f(x_i, y_j)");
        }
        return scores;
    }

    private void check(float value, float target, float largest, long step) {
        if (!Float.isFinite(target)) {
            throw diverged(step, "the training objective is " + target);
        }
        if (!Float.isFinite(value)) {
            throw diverged(step, "the bound's value is " + value);
        }
        if (!(largest <= maxScore)) {
            throw diverged(step, String.format(Locale.ROOT, "a critic score reached %.3g in absolute value (max-score "
                    + "is %.3g)", largest, maxScore));
        }
    }

    private EstimationException diverged(long step, String what) {
        return new EstimationException(String.format(Locale.ROOT, "bound '%s' diverged at step %d: %s. Try a smaller "
                + "learning-rate (now %.3g), a larger batch-size, a bound with bounded variance (infonce, js, "
                + "smile(tau=5)) or a smaller critic; scores also grow without limit when y is (nearly) a function "
                + "of x, where the true MI is infinite.", boundName, step, what, learningRate));
    }

    @Override
    public void close() {
        model.close();
    }
}
