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
        Target y = data.target();
        Split split = data.split();
        Session session = Session.of(ctx, s, split, 1);
        NDManager keep = session.model();
        Network net = Network.initialise(block, new Shape(s.batch(), x.cols()), keep, ctx.seed());
        boolean[] labelled = Fit.mask(split, ctx.param(Settings.LABELLED), x.rows());
        double[] kl = new double[2];
        Trainer.Objective objective = (rows, step) -> {
            Outputs out = net.forward(x.batch(rows, step), true);
            NDArray meanKl = Network.select(out, "kl", "model").mean();
            kl[0] += meanKl.getFloat();
            kl[1]++;
            return Fit.supervised(out.output(), rows, y, labelled, step).add(meanKl.mul((float) weight));
        };
        Trainer.Validator validator = epoch -> {
            ctx.metric("model/kl", epoch, kl[0] / kl[1]);
            kl[0] = 0;
            kl[1] = 0;
            if (split.validation().length == 0) {
                return Double.NaN;
            }
            Evaluation e = Evaluation.of(net, x, y, split.validation(), keep);
            ctx.metric("model/validation-kl", epoch, meanKl(net, x, split.validation(), keep));
            ctx.metric("model/validation-loss", epoch, e.loss());
            ctx.metric("model/validation-accuracy", epoch, e.accuracy());
            return e.loss();
        };
        Trainer.Log log = Trainer.fit("model", net.weights(), split.train(), objective, validator, session,
                ctx.seed());
        int[] test = split.test();
        Map<String, Double> metrics = new LinkedHashMap<>(Evaluation.of(net, x, y, test, keep).metrics("test-"));
        metrics.put("test-kl", meanKl(net, x, test, keep));
        metrics.put("epochs", (double) log.epochs());
        Map<String, Samples> reps = new LinkedHashMap<>(net.representations(x, test, "", keep));
        reps.put("target", data.testTarget(ctx.param(Supervised.TARGET)));
        return new TrainingResult(Map.of("model", block), metrics, reps);
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
