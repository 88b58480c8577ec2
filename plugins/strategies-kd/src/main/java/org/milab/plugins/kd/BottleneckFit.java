package org.milab.plugins.kd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.milab.api.RunContext;
import org.milab.api.data.Samples;
import org.milab.api.train.Outputs;
import org.milab.api.train.TrainingResult;

/**
 * Trains a {@link Bottleneck} on one view: the loss of a batch is {@code CE(decoder(z), y) + weight * mean_i KL_i}
 * over the labelled rows' cross-entropy and every row's KL (see {@link Fit#supervised}), through the shared loop
 * ({@link Trainer}). Per epoch it records {@code model/train-loss}, {@code model/kl} (mean KL of the epoch's training
 * batches, the I(Z;X) proxy, nats), {@code model/validation-kl}, {@code model/validation-loss} and
 * {@code model/validation-accuracy}. Predictions use z = mu.
 *
 * <p>Result: model {@code model}; metrics {@code test-accuracy}, {@code test-loss}, {@code test-kl}, {@code epochs};
 * test-row representations {@code output}, {@code penultimate} (mu), {@code target}.
 */
final class BottleneckFit {

    private BottleneckFit() {
    }

    static TrainingResult train(Bottleneck block, Prepared data, Rows x, double weight, RunContext ctx) {
        Settings s = Settings.of(ctx);
        Split split = data.split();
        Session session = Session.of(ctx, s, split, 1);
        Network net = Network.initialise(block, new Shape(s.batch(), x.cols()), session.model(), ctx.seed());
        Loop loop = new Loop(net, x, data.target(), Fit.mask(split, ctx.param(Settings.LABELLED), x.rows()), weight,
                split.validation(), session);
        Trainer.Log log = Trainer.fit("model", net.weights(), split.train(), loop, loop, session, ctx.seed());
        Map<String, Double> metrics = testMetrics(net, x, data.target(), split.test(), log, session.model());
        Map<String, Samples> reps = new LinkedHashMap<>(net.representations(x, split.test(), "", session.model()));
        reps.put("target", data.testTarget(ctx.param(Supervised.TARGET)));
        return new TrainingResult(Map.of("model", block), metrics, reps);
    }

    /** The test metrics: accuracy and loss, KL and the epochs run. */
    private static Map<String, Double> testMetrics(Network net, Rows x, Target y, int[] test, Trainer.Log log,
                                                   NDManager keep) {
        Map<String, Double> metrics = new LinkedHashMap<>(Evaluation.of(net, x, y, test, keep).metrics("test-"));
        metrics.put("test-kl", meanKl(net, x, test, keep));
        metrics.put("epochs", (double) log.epochs());
        return metrics;
    }

    /**
     * The batch loss, {@code CE + weight * mean KL}, and the per-epoch metrics: the mean KL of the epoch's batches
     * and the validation KL, loss and accuracy.
     */
    private static final class Loop implements Trainer.Objective, Trainer.Validator {
        private final Network net;
        private final Rows x;
        private final Target y;
        private final boolean[] labelled;
        private final double weight;
        private final int[] validation;
        private final Session session;
        private double klSum;
        private double klCount;

        Loop(Network net, Rows x, Target y, boolean[] labelled, double weight, int[] validation, Session session) {
            this.net = net;
            this.x = x;
            this.y = y;
            this.labelled = labelled;
            this.weight = weight;
            this.validation = validation;
            this.session = session;
        }

        @Override
        public NDArray loss(int[] rows, NDManager step) {
            Outputs out = net.forward(x.batch(rows, step), true);
            NDArray meanKl = Network.select(out, "kl", "model").mean();
            klSum += meanKl.getFloat();
            klCount++;
            return Fit.supervised(out.output(), rows, y, labelled, step).add(meanKl.mul((float) weight));
        }

        @Override
        public double validate(long epoch) {
            RunContext ctx = session.ctx();
            ctx.metric("model/kl", epoch, klSum / klCount);
            klSum = 0;
            klCount = 0;
            if (validation.length == 0) {
                return Double.NaN;
            }
            Evaluation e = Evaluation.of(net, x, y, validation, session.model());
            ctx.metric("model/validation-kl", epoch, meanKl(net, x, validation, session.model()));
            ctx.metric("model/validation-loss", epoch, e.loss());
            ctx.metric("model/validation-accuracy", epoch, e.accuracy());
            return e.loss();
        }
    }

    /** Mean KL over {@code rows}, nats. */
    static double meanKl(Network net, Rows x, int[] rows, NDManager parent) {
        float[] v = net.infer(x, rows, "kl", "model", parent).values();
        double sum = 0;
        for (float f : v) {
            sum += f;
        }
        return sum / Math.max(v.length, 1);
    }
}
