package org.milab.plugins.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/** Late fusion: the fused logits are the mean of the unimodal logits (see {@link LateFusion}); no own weights. */
final class LateFusionBlock extends FusionBlock {

    LateFusionBlock(int[] dims, List<Block> encoders, int outputs) {
        super(dims, encoders, outputs);
    }

    @Override
    NDArray fuse(ParameterStore store, NDArray embedding, List<NDArray> logits, boolean training,
                 PairList<String, Object> params) {
        return NDArrays.stack(new NDList(logits), 0).mean(new int[] {0});
    }

    @Override
    Shape fusedShape(Shape embedding, Shape logits) {
        return logits;
    }

    @Override
    void initializeFusion(NDManager manager, DataType dataType, Shape embedding) {
        // averaging has no weights
    }
}
