package org.milab.plugins.kd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.milab.api.Configured;
import org.milab.api.RunContext;
import org.milab.api.data.Samples;
import org.milab.api.train.DistillationLoss;
import org.milab.api.train.Outputs;
import org.milab.api.train.TrainingResult;

/**
 * Trains one model on one view: the supervised loss on the labelled training rows, plus, for a student, a weighted
 * distillation term on every training row against a frozen teacher's precomputed outputs.
 *
 * <p>Loss of a batch B with labelled rows L: {@code ce-weight * mean_{i in L} l(f(x_i), y_i) + kd-weight *
 * D(teacher_B, student_B)}, with l the cross-entropy (classification) or half the squared error (regression); a
 * batch without labelled rows contributes {@code 0 * sum f(x)} so that every batch is one step whatever the weights
 * (KD with weight 0 then reproduces plain training exactly).
 *
 * <p>What the loss sees: the teacher's and student's outputs, and one feature each under the key
 * {@link Outputs#DISTILLED}: the teacher's {@code teacher-feature} and the student's {@code student-feature}, flattened to
 * (batch, d), the student's passed through the loss's {@link DistillationLoss#head head} when it has one. The
 * teacher's values are computed once, before training, with the teacher in inference mode, so no gradient ever
 * reaches the teacher.
 */
final class Fit {

    /**
     * A distillation term.
     *
     * @param loss           the loss, bound to its parameters
     * @param weight         its weight
     * @param teacherOutput  the teacher's output for every row of the dataset
     * @param teacherFeature the teacher's distilled feature for every row
     * @param studentFeature the student's representation to distil into
     * @param schedule       the multi-stage schedule of the weight over the epochs
     */
    record Distillation(Configured<DistillationLoss> loss, double weight, Rows teacherOutput, Rows teacherFeature,
                        String studentFeature, KdSchedule schedule) {

        /** The weight in epoch {@code epoch} (1-based) of {@code epochs}. */
        double weightAt(int epoch, int epochs) {
            return weight * schedule.factor(epoch, epochs);
        }
    }

    /**
     * What a model learns from.
     *
     * @param x        the input rows
     * @param y        the target
     * @param split    train, validation and test rows
     * @param labelled how many training rows' labels the supervised loss uses (0: all)
     */
    record Data(Rows x, Target y, Split split, int labelled) {

        /** Which rows have their label used (see {@link Fit#mask}). */
        boolean[] mask() {
            return Fit.mask(split, labelled, x.rows());
        }
    }

    /**
     * A trained model and its test metrics.
     *
     * @param network the model
     * @param log     what the loop did
     * @param metrics final metrics: test-accuracy and test-loss (classification) or test-loss (regression)
     */
    record Trained(Network network, Trainer.Log log, Map<String, Double> metrics) {

        /**
         * The result of a strategy that trained this one model: model {@code model}; the test metrics and
         * {@code epochs}; the test rows' representations and {@code target}.
         */
        TrainingResult result(Block block, Data rows, Prepared data, RunContext ctx) {
            Map<String, Double> all = metricsAndEpochs();
            Map<String, Samples> reps = new LinkedHashMap<>(network.representations(rows.x(), rows.split().test(), "",
                    ctx.runManager()));
            reps.put("target", data.testTarget(ctx.param(Supervised.TARGET)));
            return new TrainingResult(Map.of("model", block), all, reps);
        }

        /** The test metrics and {@code epochs}, the epochs the fit ran. */
        Map<String, Double> metricsAndEpochs() {
            Map<String, Double> all = new LinkedHashMap<>(metrics);
            all.put("epochs", (double) log.epochs());
            return all;
        }
    }

    private Fit() {
    }

    /**
     * Initialises {@code block} with {@code seed} in the session's model manager and trains it.
     *
     * @param kd the distillation term, or null for plain supervised training
     */
    static Trained train(String who, Block block, Data data, double ceWeight, Distillation kd, Session session,
                         long seed) {
        NDManager model = session.model();
        Network net = Network.initialise(block, new Shape(session.settings().batch(), data.x().cols()), model, seed);
        Trainer.Log log = new StudentLoop(who, net, Network.OUTPUT, data, ceWeight, kd, session).fit(seed);
        return new Trained(net, log, Evaluation.of(net, data.x(), data.y(), data.split().test(), model)
                .metrics("test-"));
    }

    static Optional<Network> head(Network net, Rows x, Distillation kd, Settings s, NDManager model) {
        int ds;
        try (NDManager probe = model.newSubManager()) {
            ds = (int) Network.select(net.forward(x.batch(new int[] {0, 1}, probe), false), kd.studentFeature(),
                    "student-feature").getShape().get(1);
        }
        Shape student = new Shape(s.batch(), ds);
        Shape teacher = new Shape(s.batch(), kd.teacherFeature().cols());
        return kd.loss().extension().head(student, teacher, kd.loss().context()).map(b -> {
            b.initialize(model, ai.djl.ndarray.types.DataType.FLOAT32, student);
            return Network.wrap(b, model);
        });
    }

    /** Which of {@code rows} rows have their label used: the first {@code labelled} training rows (0: all). */
    static boolean[] mask(Split split, int labelled, int rows) {
        boolean[] isLabelled = new boolean[rows];
        for (int r : split.labelled(labelled)) {
            isLabelled[r] = true;
        }
        return isLabelled;
    }

    /** Masked mean of the per-row supervised loss over the labelled rows of the batch. */
    static NDArray supervised(NDArray output, int[] rows, Target y, boolean[] isLabelled, NDManager step) {
        int n = rows.length;
        float[] mask = new float[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (isLabelled[rows[i]]) {
                mask[i] = 1;
                count++;
            }
        }
        if (count == 0) {
            return output.sum().mul(0);
        }
        NDArray m = step.create(mask);
        NDArray perRow = y.classification() ? crossEntropy(output, rows, y, step) : halfSquaredError(output, rows, y,
                step);
        return perRow.mul(m).sum().div(count);
    }

    /** Per-row cross-entropy of the logits {@code output} against the rows' classes. */
    private static NDArray crossEntropy(NDArray output, int[] rows, Target y, NDManager step) {
        int[] c = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            c[i] = y.index()[rows[i]];
        }
        NDArray onehot = step.create(c).oneHot(y.classes());
        return output.logSoftmax(1).mul(onehot).sum(new int[] {1}).neg();
    }

    /** Per-row half squared error of the one-unit {@code output} against the rows' values. */
    private static NDArray halfSquaredError(NDArray output, int[] rows, Target y, NDManager step) {
        int n = rows.length;
        float[] t = new float[n];
        for (int i = 0; i < n; i++) {
            t[i] = y.value()[rows[i]];
        }
        return output.reshape(n).sub(step.create(t)).square().mul(0.5f);
    }

    static NDArray distillation(Outputs student, int[] rows, Distillation kd, Network head, NDManager step) {
        NDArray feature = Network.select(student, kd.studentFeature(), "student-feature");
        if (head != null) {
            feature = head.apply(feature, true);
        }
        Outputs t = new Outputs(kd.teacherOutput().batch(rows, step), Map.of(Outputs.DISTILLED, kd.teacherFeature().batch(rows, step)));
        Outputs s = new Outputs(student.output(), Map.of(Outputs.DISTILLED, feature));
        return kd.loss().extension().loss(t, s, kd.loss().context());
    }
}
