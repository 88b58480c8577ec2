package org.milab.plugins.energy.rbm;

import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Contrastive divergence CD-k (Hinton 2002) for a binary {@link Rbm}: per minibatch of B rows,
 * <pre>
 *   ΔW = (η / B) Σ_rows [ v⁰ p(h | v⁰)ᵀ − vᵏ p(h | vᵏ)ᵀ ],   Δb = (η / B) Σ (v⁰ − vᵏ),   Δc = (η / B) Σ (p(h|v⁰) − p(h|vᵏ))
 * </pre>
 * where vᵏ is reached by k steps of alternating Gibbs sampling from the data (hidden states sampled, visible units
 * kept as probabilities, as in Hinton's practical guide, 2010). Cost: O(B V H k) per batch.
 */
public final class ContrastiveDivergence {

    private final int steps;
    private final double learningRate;
    private final int batch;

    /** CD-{@code steps} with step size {@code learningRate} on minibatches of {@code batch} rows. */
    public ContrastiveDivergence(int steps, double learningRate, int batch) {
        this.steps = steps;
        this.learningRate = learningRate;
        this.batch = batch;
    }

    /**
     * Trains {@code rbm} for {@code epochs} passes over {@code data} (rows of V values in [0, 1], row-major), rows
     * shuffled per epoch; {@code afterEpoch} is called with the epoch number.
     */
    public void train(Rbm rbm, double[] data, int rows, int epochs, SplittableRandom rng, IntConsumer afterEpoch) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        Work work = new Work(rbm);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            shuffle(order, rng);
            pass(rbm, data, order, work, rng);
            afterEpoch.accept(epoch);
        }
    }

    /** One epoch: a CD-k update per batch of rows, in {@code order}. */
    private void pass(Rbm rbm, double[] data, int[] order, Work work, SplittableRandom rng) {
        int rows = order.length;
        for (int from = 0; from < rows; from += batch) {
            int to = Math.min(rows, from + batch);
            work.clear();
            for (int r = from; r < to; r++) {
                work.accumulate(rbm, data, order[r] * rbm.visible, steps, rng);
            }
            work.apply(rbm, learningRate / (to - from));
        }
    }

    /**
     * Mean squared reconstruction error (1 / (n V)) Σ ‖v − p(v | p(h | v))‖² under mean-field reconstruction: a
     * deterministic training diagnostic (not the likelihood).
     */
    public static double reconstructionError(Rbm rbm, double[] data, int rows) {
        double[] h = new double[rbm.hidden];
        double[] v = new double[rbm.visible];
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            int off = r * rbm.visible;
            rbm.hiddenGivenVisible(data, off, h);
            rbm.visibleGivenHidden(h, v);
            for (int i = 0; i < rbm.visible; i++) {
                double d = data[off + i] - v[i];
                sum += d * d;
            }
        }
        return sum / ((double) rows * rbm.visible);
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Gradient accumulators and Gibbs-chain buffers of one batch. */
    private static final class Work {
        final double[] dw;
        final double[] db;
        final double[] dc;
        final double[] h0;
        final double[] hs;
        final double[] vk;
        final double[] hk;

        Work(Rbm m) {
            dw = new double[m.w.length];
            db = new double[m.visible];
            dc = new double[m.hidden];
            h0 = new double[m.hidden];
            hs = new double[m.hidden];
            vk = new double[m.visible];
            hk = new double[m.hidden];
        }

        void clear() {
            java.util.Arrays.fill(dw, 0);
            java.util.Arrays.fill(db, 0);
            java.util.Arrays.fill(dc, 0);
        }

        void accumulate(Rbm m, double[] data, int off, int steps, SplittableRandom rng) {
            m.hiddenGivenVisible(data, off, h0);
            System.arraycopy(h0, 0, hk, 0, m.hidden);
            for (int s = 0; s < steps; s++) {
                for (int a = 0; a < m.hidden; a++) {
                    hs[a] = rng.nextDouble() < hk[a] ? 1 : 0;
                }
                m.visibleGivenHidden(hs, vk);
                m.hiddenGivenVisible(vk, 0, hk);
            }
            addDifferences(m, data, off);
        }

        /** Adds the data statistics minus the chain's (v0 h0 - vk hk, v0 - vk, h0 - hk) of one row. */
        private void addDifferences(Rbm m, double[] data, int off) {
            for (int i = 0; i < m.visible; i++) {
                double v0 = data[off + i];
                double v1 = vk[i];
                db[i] += v0 - v1;
                for (int a = 0, k = i * m.hidden; a < m.hidden; a++, k++) {
                    dw[k] += v0 * h0[a] - v1 * hk[a];
                }
            }
            for (int a = 0; a < m.hidden; a++) {
                dc[a] += h0[a] - hk[a];
            }
        }

        void apply(Rbm m, double scale) {
            for (int k = 0; k < dw.length; k++) {
                m.w[k] += scale * dw[k];
            }
            for (int i = 0; i < m.visible; i++) {
                m.b[i] += scale * db[i];
            }
            for (int a = 0; a < m.hidden; a++) {
                m.c[a] += scale * dc[a];
            }
        }
    }
}
