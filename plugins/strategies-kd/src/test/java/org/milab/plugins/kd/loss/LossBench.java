package org.milab.plugins.kd.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.Map;
import org.milab.api.RunContext;
import org.milab.api.train.DistillationLoss;
import org.milab.api.train.Outputs;

/** Drives a loss and its head by plain gradient descent on fixed teacher and student features, for the loss tests. */
final class LossBench {

    private LossBench() {
    }

    static Outputs outputs(NDArray output, NDArray feature) {
        return new Outputs(output, Map.of(Outputs.DISTILLED, feature));
    }

    /**
     * Trains only the head of {@code loss} (student features fixed) for {@code steps} steps of SGD; returns the loss
     * before and after.
     */
    static double[] trainHead(DistillationLoss loss, RunContext ctx, NDArray teacher, NDArray student, int steps,
                              float rate, NDManager m) {
        Block head = loss.head(student.getShape(), teacher.getShape(), ctx).orElseThrow();
        m.getEngine().setRandomSeed(1);
        head.initialize(m, DataType.FLOAT32, student.getShape());
        ParameterStore store = new ParameterStore(m, false);
        NDArray logits = m.zeros(new Shape(teacher.getShape().get(0), 2));
        double first = Double.NaN;
        double last = Double.NaN;
        for (int i = 0; i <= steps; i++) {
            try (NDManager step = m.newSubManager()) {
                NDArray value;
                try (GradientCollector c = m.getEngine().newGradientCollector()) {
                    NDArray h = head.forward(store, new NDList(student), true).singletonOrThrow();
                    value = loss.loss(outputs(logits, teacher), outputs(logits, h), ctx);
                    c.backward(value);
                }
                double v = value.getFloat();
                if (i == 0) {
                    first = v;
                }
                last = v;
                for (Pair<String, Parameter> p : head.getParameters()) {
                    NDArray w = p.getValue().getArray();
                    NDArray g = w.getGradient();
                    g.attach(step);
                    w.subi(g.mul(rate));
                    g.subi(g);
                }
            }
        }
        return new double[] {first, last};
    }
}
