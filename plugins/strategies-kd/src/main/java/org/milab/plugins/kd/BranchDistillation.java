package org.milab.plugins.kd;

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
        return new StudentLoop("pretrain", net, "logits" + (weak + 1), data, ceWeight, kd, session).fit(seed);
    }
}
