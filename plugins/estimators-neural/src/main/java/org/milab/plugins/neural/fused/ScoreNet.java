package org.milab.plugins.neural.fused;

/** A critic's network on float arrays: the n x m score matrix of a batch, and its backpropagation. */
interface ScoreNet {

    /**
     * Scores {@code f(x_i, y_j)} row-major, for {@code x (n x dx)} and {@code y (m x dy)}; the array is the net's and
     * valid until the next call, and the inputs must stay unchanged until {@link #backward}.
     */
    float[] forward(float[] params, float[] x, float[] y, int n, int m);

    /** Writes the gradient of the loss into {@code grads}, given its gradient {@code dScores} at the last scores. */
    void backward(float[] params, float[] grads, float[] dScores);
}
