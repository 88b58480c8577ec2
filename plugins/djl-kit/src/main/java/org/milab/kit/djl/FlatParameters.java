package org.milab.kit.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trainable parameters of an initialised block held in one contiguous buffer, served to the block's layers as
 * views of it. The gradient then arrives as one array and an optimiser updates every parameter with one call
 * ({@link AdamW} on {@link #buffer()}), instead of one gradient read, one update and one zeroing per parameter:
 * for small networks those per-parameter calls into the engine cost as much as the arithmetic.
 *
 * <p>Use: pass this store to {@code block.forward(store, ...)} after {@link #beginStep}, which splits the buffer
 * into per-parameter views once per forward pass (one engine call, made inside the gradient collector when
 * training, so that the gradient flows back into the buffer). The block's own {@link Parameter} arrays keep their
 * initial values and are not used; the buffer is authoritative.
 */
public final class FlatParameters extends ParameterStore {

    private final NDArray buffer;
    private final List<Shape> shapes = new ArrayList<>();
    private final Map<Parameter, Integer> index = new IdentityHashMap<>();
    private final long[] splitPoints;
    private final NDArray[] views;
    private NDList pieces;

    /**
     * Copies the trainable parameters of {@code block} (initialised) into a new buffer in {@code model}, which
     * owns it; the buffer requires a gradient.
     */
    public FlatParameters(Block block, NDManager model) {
        super(model, false);
        try (NDManager scratch = model.newSubManager()) {
            NDList flat = flattenTrainable(block, scratch);
            if (flat.isEmpty()) {
                throw new IllegalArgumentException("the block has no trainable parameters");
            }
            buffer = NDArrays.concat(flat).stopGradient();
            buffer.attach(model);
        }
        buffer.setRequiresGradient(true);
        splitPoints = splitOffsets(shapes);
        views = new NDArray[shapes.size()];
    }

    /** Each trainable parameter flattened into {@code scratch}, recording its index and shape. */
    private NDList flattenTrainable(Block block, NDManager scratch) {
        NDList flat = new NDList();
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter parameter = p.getValue();
            if (parameter.requiresGradient()) {
                index.put(parameter, shapes.size());
                shapes.add(parameter.getArray().getShape());
                NDArray row = parameter.getArray().reshape(-1);
                row.attach(scratch);
                flat.add(row);
            }
        }
        return flat;
    }

    /** Where the buffer splits into the parameters: the running sums of their sizes, the last one left out. */
    private static long[] splitOffsets(List<Shape> shapes) {
        long[] points = new long[shapes.size() - 1];
        long offset = 0;
        for (int i = 0; i < points.length; i++) {
            offset += shapes.get(i).size();
            points[i] = offset;
        }
        return points;
    }

    /** The buffer holding every trainable parameter, flattened in the block's parameter order. */
    public NDArray buffer() {
        return buffer;
    }

    /** Number of trainable scalars. */
    public long size() {
        return buffer.size();
    }

    /**
     * Splits the buffer into fresh views for the next forward pass, owned by {@code step} (closed by the caller after
     * the pass). Call it inside the gradient collector for a training pass.
     */
    public void beginStep(NDManager step) {
        // one parameter: the engine's split returns the buffer itself, so take a view of it instead
        pieces = splitPoints.length == 0 ? new NDList(buffer.reshape(buffer.getShape())) : buffer.split(splitPoints);
        pieces.attach(step);
        Arrays.fill(views, null);
    }

    /** The view of {@code parameter}, shaped as the parameter ({@code null} for an absent one, a bias switched off). */
    @Override
    public NDArray getValue(Parameter parameter, Device device, boolean training) {
        if (parameter == null) {
            return null;
        }
        Integer i = index.get(parameter);
        if (i == null) {
            if (parameter.requiresGradient()) {
                throw new IllegalStateException("parameter '" + parameter.getName() + "' is not in this store");
            }
            return parameter.getArray();
        }
        return view(i);
    }

    /** The view of parameter {@code i} in this step's split, shaped once and then reused. */
    private NDArray view(int i) {
        if (pieces == null) {
            throw new IllegalStateException("beginStep was not called before the forward pass");
        }
        NDArray view = views[i];
        if (view == null) {
            view = shapes.get(i).dimension() == 1 ? pieces.get(i) : pieces.get(i).reshape(shapes.get(i));
            views[i] = view;
        }
        return view;
    }
}
