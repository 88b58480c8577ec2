package org.milab.plugins.kd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.milab.api.ConfigurationException;
import org.milab.api.train.Outputs;

/**
 * An initialised block and what training needs around it: its parameter store and trainable weights.
 *
 * <p>Reading a model's outputs: element 0 of the forward pass is the output; every further element is a feature,
 * keyed by its array name (or {@code feature<i>} when unnamed). {@code penultimate} names the last feature (the
 * representation just before the output layer) and {@code output} the output itself, so specs can use these two
 * names with any model.
 */
final class Network {

    /** The representation name of the model's output. */
    static final String OUTPUT = "output";
    /** The representation name of the last feature before the output. */
    static final String PENULTIMATE = "penultimate";

    private final Block block;
    private final ParameterStore store;
    private final List<NDArray> weights = new ArrayList<>();

    private Network(Block block, NDManager manager) {
        this.block = block;
        this.store = new ParameterStore(manager, false);
        for (Pair<String, ai.djl.nn.Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                weights.add(p.getValue().getArray());
            }
        }
    }

    /**
     * Initialises {@code block} for inputs of {@code input} in {@code manager}, after seeding the engine's generator
     * with {@code seed} (weights, dropout masks). The engine's generator is process-wide: runs are reproducible when
     * they do not train concurrently in one JVM.
     */
    static Network initialise(Block block, Shape input, NDManager manager, long seed) {
        manager.getEngine().setRandomSeed(Long.hashCode(seed) & Integer.MAX_VALUE);
        block.initialize(manager, DataType.FLOAT32, input);
        return new Network(block, manager);
    }

    /** An already initialised block (e.g. a teacher from an earlier node). */
    static Network wrap(Block block, NDManager manager) {
        return new Network(block, manager);
    }

    Block block() {
        return block;
    }

    List<NDArray> weights() {
        return weights;
    }

    /** The forward pass as {@link Outputs}. */
    Outputs forward(NDArray x, boolean training) {
        NDList out = block.forward(store, new NDList(x), training);
        Map<String, NDArray> features = new LinkedHashMap<>();
        for (int i = 1; i < out.size(); i++) {
            String name = out.get(i).getName();
            features.put(name == null || name.isBlank() ? "feature" + i : name, out.get(i));
        }
        if (out.size() > 1) {
            features.putIfAbsent(PENULTIMATE, out.get(out.size() - 1));
        }
        return new Outputs(out.get(0), features);
    }

    /** The output of a single-output block (a distillation head). */
    NDArray apply(NDArray x, boolean training) {
        return block.forward(store, new NDList(x), training).get(0);
    }

    /**
     * One representation, flattened to (batch, features): {@code output}, or a feature by name.
     *
     * @throws ConfigurationException naming the representations the model has
     */
    static NDArray select(Outputs outputs, String name, String parameter) {
        NDArray a = name.equals(OUTPUT) ? outputs.output() : outputs.feature(name).orElseThrow(() ->
                new ConfigurationException("parameter '" + parameter + "'", "the model has no representation '" + name
                        + "'; it has output, " + String.join(", ", outputs.features().keySet())));
        Shape s = a.getShape();
        return s.dimension() == 2 ? a : a.reshape(s.get(0), -1);
    }

    /** Whether the model has a representation of this name ({@code output}, or a feature). */
    boolean has(String representation, Rows x, NDManager parent) {
        try (NDManager probe = parent.newSubManager()) {
            Outputs o = forward(x.batch(new int[] {0}, probe), false);
            return representation.equals(OUTPUT) || o.features().containsKey(representation);
        }
    }

    /** Test-time representations as {@link Samples}: {@code output}, and {@code penultimate} when the model has one. */
    Map<String, org.milab.api.data.Samples> representations(Rows x, int[] rows, String prefix, NDManager parent) {
        Map<String, org.milab.api.data.Samples> out = new LinkedHashMap<>();
        for (String r : List.of(OUTPUT, PENULTIMATE)) {
            if (has(r, x, parent)) {
                out.put(prefix + r, infer(x, rows, r, "model", parent).samples(prefix + r + "-"));
            }
        }
        return out;
    }

    /** Evaluates {@code representation} on {@code rows}, in chunks, without training behaviour. */
    Rows infer(Rows x, int[] rows, String representation, String parameter, NDManager parent) {
        float[] out = null;
        int cols = 0;
        int chunk = 512;
        for (int from = 0; from < rows.length; from += chunk) {
            int[] part = java.util.Arrays.copyOfRange(rows, from, Math.min(rows.length, from + chunk));
            Rows r = inferChunk(x, part, representation, parameter, parent);
            if (out == null) {
                cols = r.cols();
                out = new float[rows.length * cols];
            }
            System.arraycopy(r.values(), 0, out, from * cols, r.values().length);
        }
        return new Rows(out == null ? new float[0] : out, Math.max(cols, 1));
    }

    /** {@code representation} of the rows {@code part}, in a step manager closed after it. */
    private Rows inferChunk(Rows x, int[] part, String representation, String parameter, NDManager parent) {
        try (NDManager step = parent.newSubManager()) {
            NDArray r = select(forward(x.batch(part, step), false), representation, parameter);
            return new Rows(r.toType(DataType.FLOAT32, false).toFloatArray(), (int) r.getShape().get(1));
        }
    }
}
