package org.milab.plugins.neural.fused;

/**
 * The joint critic {@code f(x, y) = MLP([x, y])} (Poole et al. 2019, arXiv:1905.06922) on all n x m pairs, with the
 * first layer split: {@code H1[i, j] = f(A_x[i] + A_y[j])}, {@code A_x = X W_x^T + b}, {@code A_y = Y W_y^T}, then
 * the rest of the MLP over the n m rows of H1. Backward: {@code dZ1 = dH1 * f'(H1)}, {@code dA_x[i] = sum_j
 * dZ1[i, j]}, {@code dA_y[j] = sum_i dZ1[i, j]} (one pass over the pairs, a row at a time: dZ1 is never written
 * out), then the two first-layer halves' own backpropagation.
 */
final class JointNet implements ScoreNet {

    private final DenseStack fromX;
    private final DenseStack fromY;
    private final DenseStack rest;
    private final FusedActivation activation;
    private final int width;
    private float[] hidden = new float[0];
    private float[] dHidden = new float[0];
    private float[] dAx = new float[0];
    private float[] dAy = new float[0];
    private int n;
    private int m;

    JointNet(DenseStack fromX, DenseStack fromY, DenseStack rest, FusedActivation activation, int width) {
        this.fromX = fromX;
        this.fromY = fromY;
        this.rest = rest;
        this.activation = activation;
        this.width = width;
    }

    @Override
    public float[] forward(float[] params, float[] x, float[] y, int n, int m) {
        this.n = n;
        this.m = m;
        float[] ax = fromX.forward(params, x, n);
        float[] ay = fromY.forward(params, y, m);
        hidden = Pointwise.atLeast(hidden, n * m * width);
        dHidden = Pointwise.atLeast(dHidden, n * m * width);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                int row = (i * m + j) * width;
                Pointwise.sum(ax, i * width, ay, j * width, hidden, row, width);
                activation.apply(hidden, row, width);
            }
        }
        return rest.forward(params, hidden, n * m);
    }

    @Override
    public void backward(float[] params, float[] grads, float[] dScores) {
        rest.backward(params, grads, dScores, dHidden);
        dAx = Pointwise.atLeast(dAx, n * width);
        dAy = Pointwise.atLeast(dAy, m * width);
        java.util.Arrays.fill(dAy, 0, m * width, 0f);
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(dAx, i * width, (i + 1) * width, 0f);
            for (int j = 0; j < m; j++) {
                int row = (i * m + j) * width;
                activation.backpropagate(hidden, row, dHidden, row, width);
                Pointwise.addInto(dHidden, row, dAx, i * width, width);
                Pointwise.addInto(dHidden, row, dAy, j * width, width);
            }
        }
        fromX.backward(params, grads, dAx, null);
        fromY.backward(params, grads, dAy, null);
    }
}
