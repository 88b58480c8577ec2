package org.milab.plugins.neural;

import org.milab.kit.djl.AdamW;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.milab.api.EstimationException;
import org.milab.api.bound.MiBound;
import org.milab.api.bound.TrainingObjective;

/**
 * Trains one critic on one bound with Adam, one minibatch at a time, and evaluates the bound on held-out batches.
 *
 * <p>Memory: the critic's parameters and {@link Adam}'s moments live in a sub-manager of the caller's manager, closed by
 * {@link #close()}; everything a step creates (batch, scores, gradients) lives in the step manager the caller
 * opens and closes around each call, so memory stays flat however many steps run. Each step reads back three
 * floats (value, objective, largest |score|) for the trace and the divergence check.
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
    private final Block critic;
    private final NDManager model;
    private final ParameterStore store;
    private final AdamW optimizer;
    private final double learningRate;
    private final double maxScore;

    /**
     * Initialises {@code critic} for batches {@code x (n, dx)}, {@code y (n, dy)}; seeds the engine's random
     * generator from {@code seed} first (the engine's generator is process-wide: runs are reproducible when they
     * do not train concurrently in one JVM).
     */
    CriticTrainer(String boundName, MiBound bound, Block critic, Shape x, Shape y, double learningRate,
                  double maxScore, NDManager parent, long seed) {
        this.boundName = boundName;
        this.bound = bound;
        this.objective = bound.newObjective();
        this.trainsOnValue = keepsDefaultObjective(bound);
        this.critic = critic;
        this.learningRate = learningRate;
        this.maxScore = maxScore;
        Engine engine = parent.getEngine();
        engine.setRandomSeed(Long.hashCode(seed) & Integer.MAX_VALUE);
        this.model = parent.newSubManager();
        critic.initialize(model, DataType.FLOAT32, x, y);
        List<NDArray> weights = new ArrayList<>();
        for (Pair<String, Parameter> p : critic.getParameters()) {
            if (p.getValue().requiresGradient()) {
                weights.add(p.getValue().getArray());
            }
        }
        this.store = new ParameterStore(model, false);
        this.optimizer = new AdamW(weights, learningRate, 0.0, model);
    }

    private static boolean keepsDefaultObjective(MiBound bound) {
        try {
            return bound.getClass().getMethod("newObjective").getDeclaringClass() == MiBound.class;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("MiBound declares newObjective()", e);
        }
    }

    /** One step on a batch owned by the caller's step manager; returns {value, objective}. */
    float[] step(NDList batch, long step) {
        NDArray scores;
        NDArray target;
        try (GradientCollector collector = model.getEngine().newGradientCollector()) {
            scores = scores(batch, true, step);
            target = objective.objective(scores);
            collector.backward(target.neg());
        }
        optimizer.update(scores.getManager());
        NDArray trained = target.stopGradient();
        NDArray value = trainsOnValue ? trained : bound.value(scores.stopGradient());
        NDArray read3 = NDArrays.stack(new NDList(value, trained, scores.abs().max()));
        float[] read = (read3.getDataType() == DataType.FLOAT32 ? read3 : read3.toType(DataType.FLOAT32, false))
                .toFloatArray();
        check(read[0], read[1], read[2], step);
        return new float[] {read[0], read[1]};
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
        NDArray scores = critic.forward(store, batch, training).singletonOrThrow();
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
