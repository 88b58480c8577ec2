package org.milab.plugins.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A chain of stages whose forward pass returns the final output first, then the output of every named stage (a
 * "tap"), each array named after its stage: {@code [output, hidden1, hidden2, ...]}. This is how the models of this
 * plugin expose their intermediate representations without hooks: a training strategy reads element 0 as the
 * model's output and the others, by {@link NDArray#getName()}, as features (the last one is the representation just
 * before the output layer).
 *
 * <p>Cost: the stages' own; the taps are references to arrays the forward pass computes anyway.
 */
final class TappedSequence extends AbstractBlock {

    private static final byte VERSION = 1;

    private final List<Block> stages = new ArrayList<>();
    private final List<String> taps = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    TappedSequence() {
        super(VERSION);
    }

    /** Appends a stage whose output is exposed as feature {@code name}. */
    TappedSequence tapped(String name, Block stage) {
        return add(name, stage, true);
    }

    /** Appends a stage whose output is not exposed. */
    TappedSequence hidden(String name, Block stage) {
        return add(name, stage, false);
    }

    private TappedSequence add(String name, Block stage, boolean tap) {
        if (!names.add(name)) {
            throw new IllegalArgumentException("stage '" + name + "' added twice");
        }
        stages.add(addChildBlock(name, stage));
        taps.add(tap ? name : null);
        return this;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDList current = inputs;
        NDList features = new NDList();
        for (int i = 0; i < stages.size(); i++) {
            current = stages.get(i).forward(store, current, training, params);
            if (taps.get(i) != null) {
                NDArray a = current.singletonOrThrow();
                a.setName(taps.get(i));
                features.add(a);
            }
        }
        NDList out = new NDList(current.singletonOrThrow());
        out.addAll(features);
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] current = inputShapes;
        List<Shape> features = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            current = stages.get(i).getOutputShapes(current);
            if (taps.get(i) != null) {
                features.add(current[0]);
            }
        }
        List<Shape> out = new ArrayList<>();
        out.add(current[0]);
        out.addAll(features);
        return out.toArray(Shape[]::new);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] current = inputShapes;
        for (Block stage : stages) {
            stage.initialize(manager, dataType, current);
            current = stage.getOutputShapes(current);
        }
    }
}
