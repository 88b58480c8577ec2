package org.milab.plugins.kd;

import org.milab.kit.djl.AdamW;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.milab.api.EstimationException;
import org.milab.api.RunContext;

/**
 * The minibatch loop shared by every strategy: shuffle the training rows each epoch, one Adam step per batch inside
 * a step manager (closed after the step, so memory stays flat), one validation per epoch, early stopping with the
 * best weights restored, divergence checks, per-epoch metrics and progress.
 */
final class Trainer {

    /** The loss of one batch of training rows; tensors go into {@code step}. */
    @FunctionalInterface
    interface Objective {
        NDArray loss(int[] rows, NDManager step);
    }

    /** The validation loss after an epoch (NaN when there are no validation rows); records its own metrics. */
    @FunctionalInterface
    interface Validator {
        double validate(long epoch);
    }

    /** Counts optimisation steps across the fits of one call and reports them as progress. */
    static final class Progress {
        private final RunContext ctx;
        private final long total;
        private long done;

        Progress(RunContext ctx, long total) {
            this.ctx = ctx;
            this.total = total;
        }

        void step() {
            done++;
            if (done % 20 == 0 || done == total) {
                ctx.progress(Math.min(done, total), total);
            }
        }
    }

    /**
     * What a fit did.
     *
     * @param epochs    epochs run
     * @param bestEpoch epoch whose weights were kept
     * @param trainLoss mean training loss of the last epoch
     */
    record Log(int epochs, int bestEpoch, double trainLoss) {
    }

    private Trainer() {
    }

    /** Steps per epoch for {@code rows} training rows. */
    static long steps(int rows, Settings s) {
        return (rows + s.batch() - 1) / s.batch();
    }

    /**
     * Trains {@code weights} (owned by {@code model}) on {@code objective}.
     *
     * @param who  label of the model in metrics and messages, e.g. {@code student}
     * @param seed seeds the row shuffling
     * @throws EstimationException when the loss diverges
     */
    static Log fit(String who, List<NDArray> weights, NDManager model, int[] train, Objective objective,
                   Validator validator, Settings s, RunContext ctx, Progress progress, long seed) {
        AdamW adam = new AdamW(weights, s.learningRate(), s.weightDecay(), model);
        SplittableRandom rng = new SplittableRandom(seed);
        int[] order = train.clone();
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        List<NDArray> best = null;
        double trainLoss = Double.NaN;
        int epoch = 0;
        while (epoch < s.epochs()) {
            epoch++;
            ctx.checkCancelled();
            Split.shuffle(order, rng);
            double sum = 0;
            int batches = 0;
            for (int from = 0; from < order.length; from += s.batch()) {
                int[] rows = Arrays.copyOfRange(order, from, Math.min(order.length, from + s.batch()));
                try (NDManager step = model.newSubManager()) {
                    NDArray loss;
                    try (GradientCollector collector = step.getEngine().newGradientCollector()) {
                        loss = objective.loss(rows, step);
                        collector.backward(loss);
                    }
                    float value = loss.getFloat();
                    check(who, value, epoch, batches + 1, s);
                    adam.update(step);
                    sum += value;
                }
                batches++;
                progress.step();
            }
            trainLoss = sum / batches;
            ctx.metric(who + "/train-loss", epoch, trainLoss);
            double validation = validator.validate(epoch);
            if (s.patience() > 0 && Double.isFinite(validation)) {
                if (validation < bestLoss) {
                    bestLoss = validation;
                    bestEpoch = epoch;
                    best = snapshot(weights, model, best);
                } else if (epoch - bestEpoch >= s.patience()) {
                    break;
                }
            }
        }
        if (best != null) {
            for (int i = 0; i < weights.size(); i++) {
                best.get(i).copyTo(weights.get(i));
            }
            best.forEach(NDArray::close);
            return new Log(epoch, bestEpoch, trainLoss);
        }
        return new Log(epoch, epoch, trainLoss);
    }

    private static List<NDArray> snapshot(List<NDArray> weights, NDManager model, List<NDArray> old) {
        if (old != null) {
            old.forEach(NDArray::close);
        }
        List<NDArray> copy = new ArrayList<>(weights.size());
        for (NDArray w : weights) {
            NDArray c = w.duplicate();
            c.attach(model);
            copy.add(c);
        }
        return copy;
    }

    private static void check(String who, float value, int epoch, int step, Settings s) {
        if (!Float.isFinite(value) || value > s.maxLoss()) {
            throw new EstimationException(String.format(Locale.ROOT, "training of the %s diverged at epoch %d, step %d:"
                    + " the loss is %s (max-loss %.3g). Try a smaller learning-rate (now %.3g), a smaller "
                    + "distillation weight or temperature, or standardised inputs.", who, epoch, step, value,
                    s.maxLoss(), s.learningRate()));
        }
    }
}
