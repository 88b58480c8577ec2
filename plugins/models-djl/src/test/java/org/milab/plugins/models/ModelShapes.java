package org.milab.plugins.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/** Builds, initialises and runs a model once, for the model tests. */
final class ModelShapes {

    private ModelShapes() {
    }

    /** Forward pass of {@code block} on random input of {@code input}; names and shapes of the outputs. */
    static List<String> run(Block block, Shape input, NDManager manager, boolean training) {
        block.initialize(manager, DataType.FLOAT32, input);
        NDArray x = manager.randomNormal(input);
        NDList out = block.forward(new ParameterStore(manager, false), new NDList(x), training);
        Shape[] declared = block.getOutputShapes(new Shape[] {input});
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            if (!out.get(i).getShape().equals(declared[i])) {
                throw new AssertionError("output " + i + " has shape " + out.get(i).getShape() + ", declared "
                        + declared[i]);
            }
            seen.add((i == 0 ? "output" : out.get(i).getName()) + out.get(i).getShape());
        }
        return seen;
    }
}
