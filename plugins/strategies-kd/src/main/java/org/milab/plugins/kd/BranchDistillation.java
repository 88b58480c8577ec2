package org.milab.plugins.kd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.milab.api.train.Outputs;

/**
 * Stage 1 of {@link BalancedMultimodal}: cross-modal distillation into one modality branch of a fusion model.
 *
 * <p>Loss of a batch: {@code ce-weight * CE(logits_w, labels) + kd-weight * D(teacher, branch_w)}, where branch w is
 * the weak modality's unimodal head: the loss sees {@code logits<w>} as the student's output and
 * {@code embedding<w>} as its feature (through the loss's head, when it has one), against the frozen teacher's
 * precomputed output and feature (see {@link Fit}); kd-weight follows {@code kd-schedule} ({@link KdSchedule}).
 * Only the weak branch's encoder and head get gradients; the other parameters receive zero gradients and, without
 * weight decay, stay put.
 *
 * <p>Cost: epochs x training rows forward and backward passes of the whole fusion model.
 */
final class BranchDistillation {

    private BranchDistillation() {
    }

    static Trainer.Log train(Network net, Fit.Data data, int weak, double ceWeight, Fit.Distillation kd,
                             Session session, long seed) {
        Rows x = data.x();
        Target y = data.y();
        boolean[] labelled = data.mask();
        Settings s = session.settings();
        NDManager model = session.model();
        String logits = "logits" + (weak + 1);
        List<NDArray> weights = new ArrayList<>(net.weights());
        Network head = Fit.head(net, x, kd, s, model).orElse(null);
        if (head != null) {
            weights.addAll(head.weights());
        }
        int[] current = {1};
        Trainer.Objective objective = (rows, step) -> {
            Outputs out = net.forward(x.batch(rows, step), true);
            NDArray branchOutput = Network.select(out, logits, "model");
            NDArray loss = Fit.supervised(branchOutput, rows, y, labelled, step).mul((float) ceWeight);
            Outputs branch = new Outputs(branchOutput, out.features());
            return loss.add(Fit.distillation(branch, rows, kd, head, step)
                    .mul((float) kd.weightAt(current[0], s.epochs())));
        };
        int[] validation = data.split().validation();
        Trainer.Validator validator = epoch -> {
            current[0] = (int) epoch + 1;
            if (validation.length == 0) {
                return Double.NaN;
            }
            Evaluation e = Evaluation.of(net, x, y, validation, logits, model);
            session.ctx().metric("pretrain/validation-loss", epoch, e.loss());
            session.ctx().metric("pretrain/validation-accuracy", epoch, e.accuracy());
            return e.loss();
        };
        return Trainer.fit("pretrain", weights, data.split().train(), objective, validator, session, seed);
    }
}
