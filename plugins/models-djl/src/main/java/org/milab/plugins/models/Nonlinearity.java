package org.milab.plugins.models;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** The activation functions of hidden layers. */
public enum Nonlinearity {
    /** {@code max(0, x)}. */
    RELU,
    /** {@code max(0.01 x, x)}. */
    LEAKY_RELU,
    /** {@code tanh x}. */
    TANH,
    /** {@code 1 / (1 + e^-x)}. */
    SIGMOID,
    /** Gaussian error linear unit. */
    GELU;

    /** Applies the function elementwise. */
    NDArray apply(NDArray x) {
        return switch (this) {
            case RELU -> Activation.relu(x);
            case LEAKY_RELU -> Activation.leakyRelu(x, 0.01f);
            case TANH -> Activation.tanh(x);
            case SIGMOID -> Activation.sigmoid(x);
            case GELU -> Activation.gelu(x);
        };
    }
}
