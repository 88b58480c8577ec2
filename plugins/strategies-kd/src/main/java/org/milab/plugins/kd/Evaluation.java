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
        int k = out.cols();
        float[] v = out.values();
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < rows.length; i++) {
            if (y.classification()) {
                int best = 0;
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    if (v[i * k + c] > max) {
                        max = v[i * k + c];
                        best = c;
                    }
                }
                double z = 0;
                for (int c = 0; c < k; c++) {
                    z += Math.exp(v[i * k + c] - max);
                }
                int truth = y.index()[rows[i]];
                loss += max + Math.log(z) - v[i * k + truth];
                correct += best == truth ? 1 : 0;
            } else {
                double d = v[i * k] - y.value()[rows[i]];
                loss += 0.5 * d * d;
            }
        }
        int n = Math.max(rows.length, 1);
        return new Evaluation(loss / n, y.classification() ? (double) correct / n : Double.NaN);
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
