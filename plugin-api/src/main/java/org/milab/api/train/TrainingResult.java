package org.milab.api.train;

import ai.djl.nn.Block;
import java.util.Map;
import org.milab.api.data.Samples;

/**
 * What a training strategy produced: trained models by role (e.g. {@code teacher}, {@code student}), final
 * metrics (e.g. {@code test-accuracy}), and representations of evaluation data (e.g. the student's features),
 * which analyses can consume without touching the models.
 *
 * @param models          trained blocks by role
 * @param metrics         final scalar metrics by name
 * @param representations named representation matrices
 */
public record TrainingResult(Map<String, Block> models, Map<String, Double> metrics,
                             Map<String, Samples> representations) {

    /** Copies the maps. */
    public TrainingResult {
        models = Map.copyOf(models);
        metrics = Map.copyOf(metrics);
        representations = Map.copyOf(representations);
    }
}
