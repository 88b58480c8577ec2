package org.milab.plugins.neural.fused;

/**
 * One dense layer {@code y = f(x W^T + b)} of a fused network, by where its parameters sit in the network's flat
 * parameter array: W ({@code out x in}, row-major, as DJL's {@code Linear} holds it) from {@code weight}, b from
 * {@code bias} ({@code -1}: no bias); f is the network's activation when {@code activated}, else the identity.
 */
record Dense(int in, int out, int weight, int bias, boolean activated) {

    /** Whether the layer adds a bias. */
    boolean hasBias() {
        return bias >= 0;
    }
}
