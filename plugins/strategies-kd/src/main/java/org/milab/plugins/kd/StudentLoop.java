package org.milab.plugins.kd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.milab.api.train.Outputs;

/**
 * The batch loss and the per-epoch validation of one fit through {@link Trainer}, shared by {@link Fit#train} and
 * {@link BranchDistillation}: {@code ce-weight * supervised + kd-weight * D(teacher, student)} (see {@link Fit}) on
 * one representation of the model read as the student's output ({@code output}, or another head such as
 * {@code logits1}), the distillation term only when there is one, its weight following its schedule over the epochs.
 * Each epoch it records {@code <who>/validation-loss} and, for classification, {@code <who>/validation-accuracy}.
 */
final class StudentLoop implements Trainer.Objective, Trainer.Validator {

    private final String who;
    private final Network net;
    private final String output;
    private final Fit.Data data;
    private final boolean[] labelled;
    private final double ceWeight;
    private final Fit.Distillation kd;
    private final Network head;
    private final Session session;
    private int epoch = 1;

    /**
     * Prepares the fit of {@code net}, adding the distillation loss's head (initialised in the session's model
     * manager) when the loss has one.
     *
     * @param output the representation the supervised and distillation terms read as the student's output
     * @param kd     the distillation term, or null for plain supervised training
     */
    StudentLoop(String who, Network net, String output, Fit.Data data, double ceWeight, Fit.Distillation kd,
                Session session) {
        this.who = who;
        this.net = net;
        this.output = output;
        this.data = data;
        this.labelled = data.mask();
        this.ceWeight = ceWeight;
        this.kd = kd;
        this.head = kd == null ? null
                : Fit.head(net, data.x(), kd, session.settings(), session.model()).orElse(null);
        this.session = session;
    }

    /** Trains the model's weights (and the head's) on the training rows; {@code seed} shuffles the rows. */
    Trainer.Log fit(long seed) {
        List<NDArray> weights = new ArrayList<>(net.weights());
        if (head != null) {
            weights.addAll(head.weights());
        }
        return Trainer.fit(who, weights, data.split().train(), this, this, session, seed);
    }

    @Override
    public NDArray loss(int[] rows, NDManager step) {
        Outputs out = student(net.forward(data.x().batch(rows, step), true));
        NDArray loss = Fit.supervised(out.output(), rows, data.y(), labelled, step).mul((float) ceWeight);
        if (kd == null) {
            return loss;
        }
        double w = kd.weightAt(epoch, session.settings().epochs());
        return loss.add(Fit.distillation(out, rows, kd, head, step).mul((float) w));
    }

    @Override
    public double validate(long done) {
        epoch = (int) done + 1;
        int[] rows = data.split().validation();
        if (rows.length == 0) {
            return Double.NaN;
        }
        Evaluation e = Evaluation.of(net, data.x(), data.y(), rows, output, session.model());
        session.ctx().metric(who + "/validation-loss", done, e.loss());
        if (data.y().classification()) {
            session.ctx().metric(who + "/validation-accuracy", done, e.accuracy());
        }
        return e.loss();
    }

    /** The forward pass with {@link #output} as its output and the model's features. */
    private Outputs student(Outputs out) {
        if (output.equals(Network.OUTPUT)) {
            return out;
        }
        return new Outputs(Network.select(out, output, "model"), out.features());
    }
}
