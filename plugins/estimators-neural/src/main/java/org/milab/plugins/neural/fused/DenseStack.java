package org.milab.plugins.neural.fused;

import java.util.List;
import org.milab.plugins.neural.fused.Gemm.Operand;

/**
 * A multilayer perceptron of {@link Dense} layers on float arrays, forward and backward, for a batch of rows.
 *
 * <p>Forward keeps each layer's output (the activations backpropagation needs); backward takes the gradient of the
 * loss with respect to the last output and writes the parameter gradients, {@code dW = dZ^T X} and
 * {@code db = 1^T dZ} with {@code dZ = dY * f'(Y)}, and passes {@code dX = dZ W} down. Buffers grow to the largest
 * batch seen and are reused, so a training step allocates nothing.
 */
final class DenseStack {

    private final List<Dense> layers;
    private final FusedActivation activation;
    private final Gemm gemm;
    private final float[][] outputs;
    private final float[][] deltas;
    private float[] input;
    private int rows;

    DenseStack(List<Dense> layers, FusedActivation activation, Gemm gemm) {
        this.layers = List.copyOf(layers);
        this.activation = activation;
        this.gemm = gemm;
        this.outputs = new float[layers.size()][0];
        this.deltas = new float[layers.size()][0];
    }

    /** Width of the output (the input's width when there are no layers). */
    int outputWidth(int inputWidth) {
        return layers.isEmpty() ? inputWidth : layers.get(layers.size() - 1).out();
    }

    /** The output for {@code rows} rows of {@code x}; the array is this stack's and valid until the next call. */
    float[] forward(float[] params, float[] x, int rows) {
        this.input = x;
        this.rows = rows;
        float[] in = x;
        for (int l = 0; l < layers.size(); l++) {
            Dense layer = layers.get(l);
            outputs[l] = Pointwise.atLeast(outputs[l], rows * layer.out());
            gemm.multiply(Operand.of(in), Operand.transposed(params, layer.weight()), Operand.of(outputs[l]), rows,
                    layer.out(), layer.in(), false);
            finish(params, layer, outputs[l]);
            in = outputs[l];
        }
        return in;
    }

    /** Adds the bias to each row and applies the activation. */
    private void finish(float[] params, Dense layer, float[] y) {
        int out = layer.out();
        for (int r = 0; r < rows; r++) {
            int row = r * out;
            if (layer.hasBias()) {
                Pointwise.addInto(params, layer.bias(), y, row, out);
            }
            if (layer.activated()) {
                activation.apply(y, row, out);
            }
        }
    }

    /**
     * Backpropagates {@code dOut} (the loss's gradient at the last forward pass's output; overwritten) into
     * {@code grads} (same layout as the parameters; this stack's entries are overwritten) and, when {@code dInput}
     * is not null, into the gradient at the input.
     */
    void backward(float[] params, float[] grads, float[] dOut, float[] dInput) {
        float[] d = dOut;
        boolean masked = false;
        for (int l = layers.size() - 1; l >= 0; l--) {
            Dense layer = layers.get(l);
            float[] x = l == 0 ? input : outputs[l - 1];
            if (layer.activated() && !masked) {
                activation.backpropagate(outputs[l], d, rows * layer.out());
            }
            gemm.multiply(Operand.transposed(d), Operand.of(x), Operand.of(grads, layer.weight()), layer.out(),
                    layer.in(), rows, false);
            if (layer.hasBias()) {
                Pointwise.columnSums(d, rows, layer.out(), grads, layer.bias());
            }
            float[] down = l > 0 ? delta(l, layer) : dInput;
            float[] below = l > 0 && layers.get(l - 1).activated() ? x : null;
            masked = down != null && propagate(params, layer, d, down, below);
            d = down;
        }
    }

    /**
     * {@code down = d W}. A layer with one output (a critic's score layer) makes that an outer product, done a row at
     * a time with the activation's derivative at {@code below} (the layer below's outputs, if it is activated)
     * applied while the row is in the cache; returns whether it was.
     */
    private boolean propagate(float[] params, Dense layer, float[] d, float[] down, float[] below) {
        if (layer.out() != 1) {
            gemm.multiply(Operand.of(d), Operand.of(params, layer.weight()), Operand.of(down), rows, layer.in(),
                    layer.out(), false);
            return false;
        }
        int in = layer.in();
        for (int r = 0; r < rows; r++) {
            Pointwise.scaled(params, layer.weight(), d[r], down, r * in, in);
            if (below != null) {
                activation.backpropagate(below, r * in, down, r * in, in);
            }
        }
        return below != null;
    }

    /** The buffer for the gradient at layer l's input. */
    private float[] delta(int l, Dense layer) {
        deltas[l] = Pointwise.atLeast(deltas[l], rows * layer.in());
        return deltas[l];
    }
}
