package org.milab.api.train;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a model produced for one batch: its final output (logits, or a regression value) and named intermediate
 * representations (the output of each named layer), so losses can read features without changing the model.
 *
 * @param output   the model's final output
 * @param features intermediate representations by layer name
 */
public record Outputs(NDArray output, Map<String, NDArray> features) {

    /**
     * The key of the representation being distilled: strategies put the teacher's and the student's chosen
     * features under it, and losses that work on features read it from there.
     */
    public static final String DISTILLED = "feature";

    /** Copies the feature map. */
    public Outputs {
        Objects.requireNonNull(output, "output");
        features = Map.copyOf(features);
    }

    /** One named representation, when present. */
    public Optional<NDArray> feature(String layer) {
        return Optional.ofNullable(features.get(layer));
    }
}
