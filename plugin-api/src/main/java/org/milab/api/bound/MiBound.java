package org.milab.api.bound;

import ai.djl.ndarray.NDArray;
import org.milab.api.MilabExtension;

/**
 * Extension point for a variational bound on I(X;Y), written as a function of an {@code n x n} score matrix
 * whose diagonal holds the paired samples and whose off-diagonal entries stand for the product of marginals.
 *
 * <p>The value a bound reports and the objective a critic is trained on may differ (the JS and SMILE estimators
 * train on one quantity and report another), so they are separate: {@link #value} is the estimate,
 * {@link #newObjective()} what training maximises. {@link #critic()} says what the scores must mean.
 */
public interface MiBound extends MilabExtension {

    /** The bound's estimate of I(X;Y) in nats for one batch of scores: a scalar array. */
    NDArray value(NDArray scores);

    /** A fresh training objective for one run; by default the value itself. */
    default TrainingObjective newObjective() {
        return this::value;
    }

    /**
     * This bound bound to the validated parameters in {@code ctx} (SMILE's clip, MINE's moving-average decay), for
     * one training run; trainers call it once, before {@link #newObjective()}. Bounds without parameters return
     * themselves, the default.
     */
    default MiBound bind(org.milab.api.RunContext ctx) {
        return this;
    }

    /** What the scores must be; by default an unconstrained critic. */
    default CriticKind critic() {
        return CriticKind.SCORE;
    }
}
