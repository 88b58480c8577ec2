package org.milab.api.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.Optional;
import org.milab.api.MilabExtension;
import org.milab.api.RunContext;

/**
 * Extension point for a knowledge-distillation loss between a teacher's and a student's {@link Outputs}.
 * Losses that learn (a FitNets regressor, a VID variance head, CRD embeddings) supply a trainable head that the
 * strategy applies to the student's feature and trains with the student.
 */
public interface DistillationLoss extends MilabExtension {

    /** The scalar loss to minimise for one batch. */
    NDArray loss(Outputs teacher, Outputs student, RunContext ctx);

    /**
     * A trainable block applied to the student's feature (of shape {@code studentFeature}) before {@link #loss},
     * e.g. a regressor to the teacher's feature shape; empty when the loss has no parameters.
     */
    default Optional<Block> head(Shape studentFeature, Shape teacherFeature, RunContext ctx) {
        return Optional.empty();
    }
}
