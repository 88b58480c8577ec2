package org.milab.plugins.kd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.List;
import org.milab.api.Configured;
import org.milab.api.RunContext;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimator;
import org.milab.api.train.Outputs;

/**
 * Stage 2 of {@link BalancedMultimodal}: multitask training of the fused head and the M unimodal heads of a fusion
 * model, the unimodal weights recalibrated before the first epoch and after every epoch by {@link BalancedWeights}.
 *
 * <p>Loss of a batch: {@code CE(fused) + sum_m w_m CE(logits_m)} over the labelled rows. Recalibration: the
 * validation cross-entropy of each unimodal head (on the validation rows, or the training rows when there are
 * none) and the estimated I(embedding1; embedding2) on the first {@code mi-rows} training rows (model in inference
 * mode). Per epoch it records {@code model/mi}, {@code model/weight-<view>}, {@code model/validation-loss-<view>}
 * and the fused {@code model/validation-loss} and {@code model/validation-accuracy}.
 *
 * <p>Cost per epoch: the training passes, M + 1 evaluations of the validation rows and one MI estimate.
 */
final class BalancedFit {

    /**
     * What recalibration needs.
     *
     * @param estimator the inter-modal MI estimator
     * @param lambda    the unimodal weight lambda
     * @param miRows    rows on which the MI is estimated
     */
    record Rule(Configured<Estimator> estimator, double lambda, int[] miRows) {
    }

    private final Network net;
    private final Rows x;
    private final Target y;
    private final Views views;
    private final Rule rule;
    private final int[] validation;
    private final RunContext ctx;
    private final NDManager model;
    private final double[] weights;
    private BalancedWeights last;
    private double mi;

    BalancedFit(Network net, Views views, Target y, Split split, Rule rule, RunContext ctx, NDManager model) {
        this.net = net;
        this.x = views.joined();
        this.y = y;
        this.views = views;
        this.rule = rule;
        this.validation = split.validation().length > 0 ? split.validation() : split.train();
        this.ctx = ctx;
        this.model = model;
        this.weights = new double[views.names().size()];
        Arrays.fill(weights, rule.lambda());
    }

    /** Recalibrates, then trains; the weights and MI of the last recalibration stay readable. */
    Trainer.Log train(Split split, boolean[] labelled, Session session, long seed) {
        recalibrate(0);
        Trainer.Objective objective = (rows, step) -> loss(rows, labelled, step);
        Trainer.Validator validator = epoch -> {
            double fused = recalibrate(epoch);
            return split.validation().length > 0 ? fused : Double.NaN;
        };
        return Trainer.fit("model", net.weights(), split.train(), objective, validator, session, seed);
    }

    /** The batch loss: the fused head's supervised loss plus each unimodal head's, weighted. */
    private NDArray loss(int[] rows, boolean[] labelled, NDManager step) {
        Outputs out = net.forward(x.batch(rows, step), true);
        NDArray loss = Fit.supervised(out.output(), rows, y, labelled, step);
        for (int i = 0; i < weights.length; i++) {
            NDArray head = Network.select(out, "logits" + (i + 1), "model");
            loss = loss.add(Fit.supervised(head, rows, y, labelled, step).mul((float) weights[i]));
        }
        return loss;
    }

    /** The unimodal weights now. */
    double[] weights() {
        return weights.clone();
    }

    /** The last inter-modal MI estimate, nats. */
    double mi() {
        return mi;
    }

    /** The last rule result. */
    BalancedWeights last() {
        return last;
    }

    /** Evaluates the heads, estimates the MI, updates the weights; returns the fused validation loss. */
    private double recalibrate(long epoch) {
        double[] losses = unimodalLosses(epoch);
        mi = interModalMi();
        last = BalancedWeights.of(losses, mi, rule.lambda());
        System.arraycopy(last.unimodal(), 0, weights, 0, weights.length);
        ctx.metric("model/mi", epoch, mi);
        for (int i = 0; i < weights.length; i++) {
            ctx.metric("model/weight-" + views.names().get(i), epoch, weights[i]);
        }
        Evaluation fused = Evaluation.of(net, x, y, validation, model);
        ctx.metric("model/validation-loss", epoch, fused.loss());
        ctx.metric("model/validation-accuracy", epoch, fused.accuracy());
        return fused.loss();
    }

    /** Each unimodal head's validation loss, recorded as {@code model/validation-loss-<view>}. */
    private double[] unimodalLosses(long epoch) {
        List<String> names = views.names();
        double[] losses = new double[names.size()];
        for (int i = 0; i < losses.length; i++) {
            losses[i] = Evaluation.of(net, x, y, validation, "logits" + (i + 1), model).loss();
            ctx.metric("model/validation-loss-" + names.get(i), epoch, losses[i]);
        }
        return losses;
    }

    /** The estimated I(embedding1; embedding2) on the MI rows, nats. */
    private double interModalMi() {
        Samples a = net.infer(x, rule.miRows(), "embedding1", "model", model).samples("a");
        Samples b = net.infer(x, rule.miRows(), "embedding2", "model", model).samples("b");
        return rule.estimator().extension().estimate(a, b, rule.estimator().context()).nats();
    }
}
