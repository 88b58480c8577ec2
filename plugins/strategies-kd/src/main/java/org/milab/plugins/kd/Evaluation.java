package org.milab.plugins.kd;

import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model's loss and accuracy on some rows, computed on the Java side from its outputs: mean cross-entropy and the
 * fraction of rows whose largest logit is the true class (classification), or mean half squared error (regression).
 *
 * @param loss     mean loss, nats per row for classification
 * @param accuracy fraction correct (NaN for regression)
 */
record Evaluation(double loss, double accuracy) {

    static Evaluation of(Network net, Rows x, Target y, int[] rows, NDManager parent) {
        return of(net, x, y, rows, Network.OUTPUT, parent);
    }

    /** The same for another head of the model: {@code representation} read as its output (e.g. unimodal logits). */
    static Evaluation of(Network net, Rows x, Target y, int[] rows, String representation, NDManager parent) {
        Rows out = net.infer(x, rows, representation, "model", parent);
        return y.classification() ? classification(out, y, rows) : regression(out, y, rows);
    }

    private static Evaluation classification(Rows out, Target y, int[] rows) {
        int k = out.cols();
        float[] v = out.values();
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < rows.length; i++) {
            int best = argmax(v, i * k, k);
            int truth = y.index()[rows[i]];
            loss += crossEntropy(v, i * k, k, best, truth);
            correct += best == truth ? 1 : 0;
        }
        int n = Math.max(rows.length, 1);
        return new Evaluation(loss / n, (double) correct / n);
    }

    private static Evaluation regression(Rows out, Target y, int[] rows) {
        int k = out.cols();
        float[] v = out.values();
        double loss = 0;
        for (int i = 0; i < rows.length; i++) {
            double d = v[i * k] - y.value()[rows[i]];
            loss += 0.5 * d * d;
        }
        return new Evaluation(loss / Math.max(rows.length, 1), Double.NaN);
    }

    /** The first index of the largest of the {@code k} logits from {@code from} (0 when none exceeds -inf). */
    private static int argmax(float[] v, int from, int k) {
        int best = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            if (v[from + c] > max) {
                max = v[from + c];
                best = c;
            }
        }
        return best;
    }

    /** The cross-entropy of the {@code k} logits from {@code from}, stabilised by the largest one, logit {@code best}. */
    private static double crossEntropy(float[] v, int from, int k, int best, int truth) {
        double max = v[from + best];
        double z = 0;
        for (int c = 0; c < k; c++) {
            z += Math.exp(v[from + c] - max);
        }
        return max + Math.log(z) - v[from + truth];
    }

    /** As metrics named {@code prefix + loss} and {@code prefix + accuracy}. */
    Map<String, Double> metrics(String prefix) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(prefix + "loss", loss);
        if (!Double.isNaN(accuracy)) {
            m.put(prefix + "accuracy", accuracy);
        }
        return m;
    }
}
