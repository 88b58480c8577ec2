package org.milab.plugins.kd.loss;

import ai.djl.ndarray.NDArray;
import org.milab.api.InvalidDataException;
import org.milab.api.train.Outputs;

/**
 * How the losses of this package read their inputs. The strategies of this plugin put the distilled representation
 * of each side, flattened to (batch, d), under the feature key {@link Outputs#DISTILLED} (the student's after the loss's head);
 * the outputs are the models' logits.
 */
final class Distilled {

    private Distilled() {
    }

    /** The distilled feature of {@code side} ({@code teacher} or {@code student}). */
    static NDArray feature(Outputs outputs, String side, String loss) {
        NDArray f = outputs.feature(Outputs.DISTILLED).orElseThrow(() -> new InvalidDataException(loss + ": the " + side
                + "'s outputs carry no feature '" + Outputs.DISTILLED + "' (they carry " + outputs.features().keySet()
                + "); feature-based losses need the strategy to pass the distilled representation under that key"));
        if (f.getShape().dimension() != 2) {
            throw new InvalidDataException(loss + ": the " + side + "'s feature has shape " + f.getShape()
                    + "; expected (batch, d)");
        }
        return f;
    }

    /** Checks two arrays have the same shape. */
    static void sameShape(NDArray teacher, NDArray student, String loss, String what) {
        if (!teacher.getShape().equals(student.getShape())) {
            throw new InvalidDataException(loss + ": the teacher's " + what + " has shape " + teacher.getShape()
                    + " but the student's has shape " + student.getShape() + "; they must match");
        }
    }
}
