package org.milab.plugins.neural.fused;

import org.milab.plugins.neural.fused.Gemm.Operand;

/**
 * The separable critic {@code S = g(X) h(Y)^T} (Poole et al. 2019, arXiv:1905.06922) on float arrays; backward:
 * {@code dG = dS h(Y)}, {@code dH = dS^T g(X)}, then each encoder's own backpropagation.
 */
final class SeparableNet implements ScoreNet {

    private final DenseStack g;
    private final DenseStack h;
    private final int dx;
    private final Gemm gemm;
    private float[] scores = new float[0];
    private float[] dG = new float[0];
    private float[] dH = new float[0];
    private float[] gx;
    private float[] hy;
    private int n;
    private int m;

    SeparableNet(DenseStack g, DenseStack h, int dx, Gemm gemm) {
        this.g = g;
        this.h = h;
        this.dx = dx;
        this.gemm = gemm;
    }

    @Override
    public float[] forward(float[] params, float[] x, float[] y, int n, int m) {
        this.n = n;
        this.m = m;
        gx = g.forward(params, x, n);
        hy = h.forward(params, y, m);
        scores = Pointwise.atLeast(scores, n * m);
        int e = g.outputWidth(dx);
        gemm.multiply(Operand.of(gx), Operand.transposed(hy), Operand.of(scores), n, m, e, false);
        return scores;
    }

    @Override
    public void backward(float[] params, float[] grads, float[] dScores) {
        int e = g.outputWidth(dx);
        dG = Pointwise.atLeast(dG, n * e);
        dH = Pointwise.atLeast(dH, m * e);
        gemm.multiply(Operand.of(dScores), Operand.of(hy), Operand.of(dG), n, e, m, false);
        gemm.multiply(Operand.transposed(dScores), Operand.of(gx), Operand.of(dH), m, e, n, false);
        g.backward(params, grads, dG, null);
        h.backward(params, grads, dH, null);
    }
}
