package org.milab.plugins.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/** Concatenation fusion: the fused logits are a linear layer of [e_1, ..., e_M] (see {@link ConcatFusion}). */
final class ConcatFusionBlock extends FusionBlock {

    private final Block fusion;

    ConcatFusionBlock(int[] dims, List<Block> encoders, int outputs) {
        super(dims, encoders, outputs);
        fusion = addChildBlock("fusion", Linear.builder().setUnits(outputs).build());
    }

    @Override
    NDArray fuse(ParameterStore store, NDArray embedding, List<NDArray> logits, boolean training,
                 PairList<String, Object> params) {
        return fusion.forward(store, new ai.djl.ndarray.NDList(embedding), training, params).singletonOrThrow();
    }

    @Override
    Shape fusedShape(Shape embedding, Shape logits) {
        return fusion.getOutputShapes(new Shape[] {embedding})[0];
    }

    @Override
    void initializeFusion(NDManager manager, DataType dataType, Shape embedding) {
        fusion.initialize(manager, dataType, embedding);
    }
}
