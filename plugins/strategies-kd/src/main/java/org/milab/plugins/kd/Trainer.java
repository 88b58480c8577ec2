package org.milab.plugins.kd;

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
import org.milab.kit.djl.AdamW;

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
     * Trains {@code weights} (owned by {@code session.model()}) on {@code objective} over the {@code train} rows.
     *
     * @param who  label of the model in metrics and messages, e.g. {@code student}
     * @param seed seeds the row shuffling
     * @throws EstimationException when the loss diverges
     */
    static Log fit(String who, List<NDArray> weights, int[] train, Objective objective, Validator validator,
                   Session session, long seed) {
        Settings s = session.settings();
        Loop loop = new Loop(who, objective, new AdamW(weights, s.learningRate(), s.weightDecay(), session.model()),
                session);
        SplittableRandom rng = new SplittableRandom(seed);
        int[] order = train.clone();
        EarlyStopping stopping = new EarlyStopping(weights, session.model(), s.patience());
        return loop.epochs(order, rng, validator, stopping);
    }

    /**
     * The training passes of one fit.
     *
     * @param who       label of the model in metrics and messages
     * @param objective the batch loss
     * @param adam      the optimiser of the fit's weights
     * @param session   settings, context, progress and the model manager
     */
    private record Loop(String who, Objective objective, AdamW adam, Session session) {

        /** Up to the settings' epochs, each followed by validation, until early stopping; the best weights kept. */
        Log epochs(int[] order, SplittableRandom rng, Validator validator, EarlyStopping stopping) {
            double trainLoss = Double.NaN;
            int epoch = 0;
            while (epoch < session.settings().epochs()) {
                epoch++;
                trainLoss = epoch(epoch, order, rng);
                if (stopping.stop(epoch, validator.validate(epoch))) {
                    break;
                }
            }
            return new Log(epoch, stopping.restoreBest(epoch), trainLoss);
        }

        /** Epoch {@code epoch}: reshuffles {@code order}, passes over it, records the mean training loss. */
        double epoch(int epoch, int[] order, SplittableRandom rng) {
            session.ctx().checkCancelled();
            Split.shuffle(order, rng);
            double trainLoss = pass(epoch, order);
            session.ctx().metric(who + "/train-loss", epoch, trainLoss);
            return trainLoss;
        }

        /** One epoch: a step per batch of {@code order}; the mean training loss. */
        private double pass(int epoch, int[] order) {
            int batch = session.settings().batch();
            double sum = 0;
            int batches = 0;
            for (int from = 0; from < order.length; from += batch) {
                sum += step(epoch, batches + 1, Arrays.copyOfRange(order, from, Math.min(order.length, from + batch)));
                batches++;
                session.progress().step();
            }
            return sum / batches;
        }

        /** One Adam step on the batch {@code rows} inside its own step manager (closed after it); the batch loss. */
        private float step(int epoch, int step, int[] rows) {
            try (NDManager manager = session.model().newSubManager()) {
                NDArray loss;
                try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                    loss = objective.loss(rows, manager);
                    collector.backward(loss);
                }
                float value = loss.getFloat();
                check(who, value, epoch, step, session.settings());
                adam.update(manager);
                return value;
            }
        }
    }

    /** Early stopping on the validation loss: keeps a copy of the best weights and restores it at the end. */
    private static final class EarlyStopping {
        private final List<NDArray> weights;
        private final NDManager model;
        private final int patience;
        private double bestLoss = Double.POSITIVE_INFINITY;
        private int bestEpoch;
        private List<NDArray> best;

        EarlyStopping(List<NDArray> weights, NDManager model, int patience) {
            this.weights = weights;
            this.model = model;
            this.patience = patience;
        }

        /** Records the validation loss of {@code epoch}; whether to stop (no improvement for patience epochs). */
        boolean stop(int epoch, double validation) {
            if (patience <= 0 || !Double.isFinite(validation)) {
                return false;
            }
            if (validation < bestLoss) {
                bestLoss = validation;
                bestEpoch = epoch;
                best = snapshot(weights, model, best);
                return false;
            }
            return epoch - bestEpoch >= patience;
        }

        /** Restores the best weights when a copy was kept; the epoch whose weights the model now has. */
        int restoreBest(int lastEpoch) {
            if (best == null) {
                return lastEpoch;
            }
            for (int i = 0; i < weights.size(); i++) {
                best.get(i).copyTo(weights.get(i));
            }
            best.forEach(NDArray::close);
            return bestEpoch;
        }
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
