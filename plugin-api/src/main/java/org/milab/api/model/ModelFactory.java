package org.milab.api.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.milab.api.MilabExtension;
import org.milab.api.RunContext;

/**
 * Extension point for models (MLPs, CNNs, encoders, critics, fusion heads), built as DJL {@link Block}s from the
 * extension's parameters. The caller initialises and owns the returned block.
 */
public interface ModelFactory extends MilabExtension {

    /** Builds an uninitialised block for inputs of shape {@code input} (batch dimension first). */
    Block build(Shape input, RunContext ctx);
}
