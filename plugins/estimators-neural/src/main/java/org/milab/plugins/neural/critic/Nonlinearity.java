package org.milab.plugins.neural.critic;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** The activation functions a critic's hidden layers may use. */
public enum Nonlinearity {
    /** {@code max(0, x)}. */
    RELU,
    /** {@code max(0.01 x, x)}. */
    LEAKY_RELU,
    /** {@code tanh x}. */
    TANH,
    /** {@code log(1 + e^x)}. */
    SOFTPLUS,
    /** Gaussian error linear unit. */
    GELU;

    /** Applies the function elementwise. */
    public NDArray apply(NDArray x) {
        return switch (this) {
            case RELU -> Activation.relu(x);
            case LEAKY_RELU -> Activation.leakyRelu(x, 0.01f);
            case TANH -> Activation.tanh(x);
            case SOFTPLUS -> Activation.softPlus(x);
            case GELU -> Activation.gelu(x);
        };
    }
}
