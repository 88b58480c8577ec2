package org.milab.plugins.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel the fusion models share: the input row is the concatenation of M modality views (widths {@code dims});
 * view m goes through its own encoder to an embedding e_m and a linear unimodal head to logits l_m; a subclass
 * combines them into the fused output.
 *
 * <p>The forward pass returns {@code [fused, embedding1, logits1, ..., embeddingM, logitsM, embedding]}, each array
 * named: {@code embedding<m>} and {@code logits<m>} are modality m's embedding and unimodal logits,
 * {@code embedding} (last, hence the penultimate representation) the concatenation [e_1, ..., e_M]. Strategies
 * that train unimodal heads beside the fused one read {@code logits<m>}; others just use the output.
 *
 * <p>Cost: the encoders' own plus M (and for concatenation one more) linear heads.
 */
abstract class FusionBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int[] dims;
    private final List<Block> encoders = new ArrayList<>();
    private final List<Block> heads = new ArrayList<>();

    FusionBlock(int[] dims, List<Block> encoders, int outputs) {
        super(VERSION);
        this.dims = dims.clone();
        for (int m = 0; m < dims.length; m++) {
            this.encoders.add(addChildBlock("encoder" + (m + 1), encoders.get(m)));
            this.heads.add(addChildBlock("head" + (m + 1), Linear.builder().setUnits(outputs).build()));
        }
    }

    /** The fused output from the concatenated embeddings and the unimodal logits. */
    abstract NDArray fuse(ParameterStore store, NDArray embedding, List<NDArray> logits, boolean training,
                          PairList<String, Object> params);

    /** The shape of the fused output. */
    abstract Shape fusedShape(Shape embedding, Shape logits);

    /** Initialises the fusion's own blocks, if any, for the concatenated embedding. */
    abstract void initializeFusion(NDManager manager, DataType dataType, Shape embedding);

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        Branches b = branches(store, inputs.singletonOrThrow(), training, params);
        NDArray joined = NDArrays.concat(b.embeddings(), 1);
        joined.setName("embedding");
        NDList out = new NDList(fuse(store, joined, b.logits(), training, params));
        out.addAll(b.features());
        out.add(joined);
        return out;
    }

    /**
     * The modality branches' outputs.
     *
     * @param embeddings e_1, ..., e_M
     * @param logits     l_1, ..., l_M
     * @param features   e_1, l_1, ..., e_M, l_M
     */
    private record Branches(NDList embeddings, List<NDArray> logits, NDList features) {
    }

    /** Each modality's embedding and logits from its columns of the row {@code x}. */
    private Branches branches(ParameterStore store, NDArray x, boolean training, PairList<String, Object> params) {
        Branches b = new Branches(new NDList(), new ArrayList<>(), new NDList());
        int from = 0;
        for (int m = 0; m < dims.length; m++) {
            NDList el = branch(store, m, x.get(new NDIndex(":, {}:{}", from, from + dims[m])), training, params);
            from += dims[m];
            b.embeddings().add(el.get(0));
            b.logits().add(el.get(1));
            b.features().addAll(el);
        }
        return b;
    }

    /** Modality m's flattened embedding and unimodal logits, named, from its columns {@code part}. */
    private NDList branch(ParameterStore store, int m, NDArray part, boolean training,
                          PairList<String, Object> params) {
        NDArray e = encoders.get(m).forward(store, new NDList(part), training, params).get(0);
        e = e.reshape(e.getShape().get(0), -1);
        NDArray l = heads.get(m).forward(store, new NDList(e), training, params).singletonOrThrow();
        e.setName("embedding" + (m + 1));
        l.setName("logits" + (m + 1));
        return new NDList(e, l);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        List<Shape> features = new ArrayList<>();
        long width = 0;
        Shape logits = null;
        for (int m = 0; m < dims.length; m++) {
            Shape e = embeddingShape(m, batch);
            logits = heads.get(m).getOutputShapes(new Shape[] {e})[0];
            width += e.get(1);
            features.add(e);
            features.add(logits);
        }
        Shape joined = new Shape(batch, width);
        List<Shape> out = new ArrayList<>();
        out.add(fusedShape(joined, logits));
        out.addAll(features);
        out.add(joined);
        return out.toArray(Shape[]::new);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        long width = 0;
        for (int m = 0; m < dims.length; m++) {
            encoders.get(m).initialize(manager, dataType, new Shape(batch, dims[m]));
            Shape e = embeddingShape(m, batch);
            heads.get(m).initialize(manager, dataType, e);
            width += e.get(1);
        }
        initializeFusion(manager, dataType, new Shape(batch, width));
    }

    /** The flattened embedding shape of modality {@code m} for {@code batch} rows. */
    private Shape embeddingShape(int m, long batch) {
        return flat(encoders.get(m).getOutputShapes(new Shape[] {new Shape(batch, dims[m])})[0]);
    }

    private static Shape flat(Shape s) {
        return s.dimension() == 2 ? s : new Shape(s.get(0), s.size() / s.get(0));
    }
}
