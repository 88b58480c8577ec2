package org.milab.plugins.infoplane.capture;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.milab.api.Citation;
import org.milab.api.Configured;
import org.milab.api.ExtensionInfo;
import org.milab.api.Inputs;
import org.milab.api.Port;
import org.milab.api.RunContext;
import org.milab.api.data.Dataset;
import org.milab.api.data.Samples;
import org.milab.api.model.ModelFactory;
import org.milab.api.param.ComponentSpec;
import org.milab.api.param.Parameter;
import org.milab.api.train.TrainingResult;
import org.milab.api.train.TrainingStrategy;
import org.pf4j.Extension;

/**
 * Trains a classifier and captures every layer's activations on a fixed probe set at log-spaced epochs, for the
 * information plane (Shwartz-Ziv and Tishby 2017): {@code seeds} networks (any {@code ModelFactory} whose forward
 * pass exposes its hidden layers, e.g. {@code mlp(hidden=[10, 7, 5, 4, 3], activation=tanh)} for the 12-10-7-5-4-3-2
 * network), each on its own random {@code train-fraction} of the rows, by minibatch Adam on the cross-entropy.
 *
 * <p>At epoch 0 and at each captured epoch, the hidden layers and the output softmax on the probe rows are streamed
 * to {@code activations/} in the node's artifacts folder ({@link CaptureWriter}); only one snapshot is in memory at a
 * time, so a long run costs disk, not heap: seeds x snapshots x probe rows x (sum of layer widths) x 4 bytes.
 * Metrics: {@code seed<i>/train-loss} at captured epochs, {@code capture/heap-mib} and
 * {@code capture/resident-peak-mib} (by bytes written). Result: the capture (for the {@code information-plane}
 * analysis), the probe inputs and labels, and {@code train-accuracy} and {@code test-accuracy} (means over seeds).
 *
 * <p>Cost: seeds x epochs x training rows forward and backward passes, plus one probe pass per snapshot.
 */
@Extension
@Citation(authors = "Shwartz-Ziv, R., Tishby, N.", year = 2017,
        title = "Opening the Black Box of Deep Neural Networks via Information", arxiv = "1703.00810")
@Citation(authors = "Kingma, D. P., Ba, J.", year = 2015, title = "Adam: A Method for Stochastic Optimization",
        venue = "ICLR", arxiv = "1412.6980")
public final class CapturedTraining implements TrainingStrategy {

    static final Parameter<String> INPUT = Parameter.string("input").defaultValue("x")
            .description("the view the network reads").build();
    static final Parameter<String> TARGET = Parameter.string("target").defaultValue("label")
            .description("the view holding the class (one column)").build();
    static final Parameter<ComponentSpec> MODEL = Parameter.component("model", ModelFactory.class)
            .defaultValue(ComponentSpec.parse("mlp(hidden=[10, 7, 5, 4, 3], activation=tanh)"))
            .description("the network; its forward pass must return [output, hidden1, ...] (as mlp does)").build();

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("capture-training",
                "Trains a classifier over seeds and streams every layer's activations at log-spaced epochs to disk.",
                INPUT, TARGET, MODEL, CaptureSettings.EPOCHS, CaptureSettings.BATCH, CaptureSettings.LEARNING_RATE,
                CaptureSettings.TRAIN, CaptureSettings.SNAPSHOTS, CaptureSettings.SEEDS, CaptureSettings.PROBE);
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.required("dataset", Dataset.class, "the dataset holding the input and target views"));
    }

    @Override
    public TrainingResult train(Inputs inputs, RunContext ctx) {
        CaptureSettings s = CaptureSettings.of(ctx);
        ProbeSet data = ProbeSet.of(inputs.get("dataset", Dataset.class), ctx.param(INPUT), ctx.param(TARGET),
                ctx.param(CaptureSettings.PROBE));
        CaptureSchedule schedule = CaptureSchedule.logSpaced(s.epochs(), s.snapshots());
        Path folder = ctx.artifactsDir().resolve("activations");
        double[][] accuracy = trainSeeds(data, s, schedule, folder, ctx);
        return new TrainingResult(Map.of(), metrics(accuracy[0], accuracy[1], schedule.epochs().length),
                representations(folder, schedule.epochs().length * s.seeds(), data));
    }

    /** Trains every seed, capturing into {@code folder}; the train accuracies, then the test accuracies. */
    private static double[][] trainSeeds(ProbeSet data, CaptureSettings s, CaptureSchedule schedule, Path folder,
                                         RunContext ctx) {
        double[] train = new double[s.seeds()];
        double[] test = new double[s.seeds()];
        try (CaptureWriter out = new CaptureWriter(folder)) {
            for (int seed = 0; seed < s.seeds(); seed++) {
                double[] accuracy = trainSeed(data, s, schedule, seed, out, ctx);
                train[seed] = accuracy[0];
                test[seed] = accuracy[1];
            }
            ctx.metric("capture/bytes", 0, out.bytes());
        }
        return new double[][] {train, test};
    }

    /** The capture handle (folder and snapshot count) and the probe rows' inputs and targets. */
    private static Map<String, Samples> representations(Path folder, int snapshots, ProbeSet data) {
        Map<String, Samples> reps = new LinkedHashMap<>();
        reps.put(CaptureHandle.KEY, CaptureHandle.of(folder, snapshots));
        reps.put(CaptureHandle.PROBE_X, data.probeX());
        reps.put(CaptureHandle.PROBE_Y, data.probeY());
        return reps;
    }

    /** Trains seed number {@code seed} from a fresh model, capturing as it goes; its train and test accuracy. */
    private static double[] trainSeed(ProbeSet data, CaptureSettings s, CaptureSchedule schedule, int seed,
                                      CaptureWriter out, RunContext ctx) {
        long seedValue = ctx.random().nextLong();
        try (NDManager m = ctx.ndManager().newSubManager()) {
            SeedRun run = new SeedRun(model(ctx, data), data.cols(), m, seedValue);
            run.train(data, s, schedule, seed, out, ctx, seedValue);
            int[] rows = data.trainingRows(s.trainFraction(), seedValue);
            return new double[] {run.accuracy(data, rows), run.accuracy(data, heldOut(data.rows(), rows))};
        }
    }

    /** Mean accuracies over seeds (test only when there is a test part) and the number of snapshots. */
    private static Map<String, Double> metrics(double[] train, double[] test, int snapshots) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("train-accuracy", mean(train));
        if (Double.isFinite(mean(test))) {
            metrics.put("test-accuracy", mean(test));
        }
        metrics.put("snapshots", (double) snapshots);
        return metrics;
    }

    private static Block model(RunContext ctx, ProbeSet data) {
        ComponentSpec spec = ctx.param(MODEL);
        Configured<ModelFactory> probe = ctx.component(ModelFactory.class, spec);
        boolean hasOutputs = probe.extension().info().parameters().stream().anyMatch(p -> p.name().equals("outputs"));
        Configured<ModelFactory> f = hasOutputs
                ? ctx.component(ModelFactory.class, spec.withDefault("outputs", data.classCount())) : probe;
        return f.extension().build(new Shape(1, data.cols()), f.context());
    }

    private static int[] heldOut(int n, int[] train) {
        boolean[] used = new boolean[n];
        for (int r : train) {
            used[r] = true;
        }
        return java.util.stream.IntStream.range(0, n).filter(r -> !used[r]).toArray();
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).filter(Double::isFinite).average().orElse(Double.NaN);
    }
}
