package org.milab.plugins.infoplane.capture;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.milab.api.EstimationException;
import org.milab.api.RunContext;
import org.milab.kit.djl.AdamW;

/**
 * Trains one network (one seed) by minibatch Adam on the softmax cross-entropy
 * L = −(1/B) Σ_b ln softmax(f(x_b))_{y_b}, and at every scheduled epoch writes each layer's activations on the probe
 * rows: the named features of the forward pass ({@code hidden1..}) and the softmax of the output ({@code output}).
 * Each step's and each snapshot's tensors live in a sub-manager closed right after, so memory stays flat however long
 * the run.
 */
final class SeedRun {

    private static final int CHUNK = 2048;

    private final Block block;
    private final ParameterStore store;
    private final List<NDArray> weights = new ArrayList<>();
    private final NDManager manager;

    SeedRun(Block block, int cols, NDManager manager, long seed) {
        this.block = block;
        this.manager = manager;
        manager.getEngine().setRandomSeed(Long.hashCode(seed) & Integer.MAX_VALUE);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, cols));
        store = new ParameterStore(manager, false);
        for (Pair<String, ai.djl.nn.Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                weights.add(p.getValue().getArray());
            }
        }
    }

    /** Trains for the schedule's epochs; returns the last epoch's mean training loss. */
    double train(ProbeSet data, CaptureSettings s, CaptureSchedule schedule, int seedIndex, CaptureWriter out,
                 RunContext ctx, long seed) {
        AdamW adam = new AdamW(weights, s.learningRate(), 0, manager);
        int[] order = data.trainingRows(s.trainFraction(), seed);
        SplittableRandom rng = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        capture(data, seedIndex, 0, out);
        double loss = Double.NaN;
        for (int epoch = 1; epoch <= s.epochs(); epoch++) {
            ctx.checkCancelled();
            shuffle(order, rng);
            loss = epoch(data, order, s.batch(), adam);
            requireFinite(loss, seedIndex, epoch, s.learningRate());
            if (schedule.captures(epoch)) {
                capture(data, seedIndex, epoch, out);
                recordMetrics(ctx, seedIndex, epoch, loss, out.bytes());
            }
            ctx.progress((long) seedIndex * s.epochs() + epoch, (long) s.seeds() * s.epochs());
        }
        return loss;
    }

    private static void requireFinite(double loss, int seedIndex, int epoch, double learningRate) {
        if (!Double.isFinite(loss)) {
            throw new EstimationException(String.format(Locale.ROOT, "training of seed %d diverged at epoch %d "
                    + "(loss %s); lower learning-rate (now %.3g)", seedIndex, epoch, loss, learningRate));
        }
    }

    /** The training loss at a captured epoch, and the memory in use against the bytes captured so far. */
    private static void recordMetrics(RunContext ctx, int seedIndex, int epoch, double loss, long bytes) {
        ctx.metric("seed" + seedIndex + "/train-loss", epoch, loss);
        ctx.metric("capture/heap-mib", bytes, MemoryProbe.heapMiB());
        MemoryProbe.residentPeakMiB().ifPresent(m -> ctx.metric("capture/resident-peak-mib", bytes, m));
    }

    private double epoch(ProbeSet data, int[] order, int batch, AdamW adam) {
        double sum = 0;
        int batches = 0;
        for (int from = 0; from < order.length; from += batch) {
            sum += trainStep(data, Arrays.copyOfRange(order, from, Math.min(order.length, from + batch)), adam);
            batches++;
        }
        return sum / batches;
    }

    /** One AdamW step on the cross-entropy of {@code rows}; returns the batch loss. */
    private float trainStep(ProbeSet data, int[] rows, AdamW adam) {
        try (NDManager step = manager.newSubManager()) {
            NDArray loss;
            try (GradientCollector g = step.getEngine().newGradientCollector()) {
                NDArray logits = block.forward(store, new NDList(data.inputs(rows, step)), true).get(0);
                NDArray onehot = data.labels(rows, step).oneHot(data.classCount());
                loss = logits.logSoftmax(1).mul(onehot).sum(new int[] {1}).mean().neg();
                g.backward(loss);
            }
            float value = loss.getFloat();
            adam.update(step);
            return value;
        }
    }

    /** The fraction of {@code rows} classified correctly. */
    double accuracy(ProbeSet data, int[] rows) {
        if (rows.length == 0) {
            return Double.NaN;
        }
        try (NDManager m = manager.newSubManager()) {
            NDArray pred = block.forward(store, new NDList(data.inputs(rows, m)), false).get(0).argMax(1);
            NDArray truth = data.labels(rows, m).toType(pred.getDataType(), false);
            return pred.eq(truth).sum().toType(DataType.FLOAT64, false).getDouble() / rows.length;
        }
    }

    private void capture(ProbeSet data, int seedIndex, int epoch, CaptureWriter out) {
        int n = data.probeRows();
        Activations acts = null;
        for (int from = 0; from < n; from += CHUNK) {
            int[] rows = Arrays.copyOfRange(ProbeSet.firstRows(n), from, Math.min(n, from + CHUNK));
            try (NDManager m = manager.newSubManager()) {
                NDList o = block.forward(store, new NDList(data.inputs(rows, m)), false);
                if (acts == null) {
                    acts = Activations.shapedLike(o, n);
                }
                acts.copy(o, from);
            }
        }
        acts.write(out, seedIndex, epoch, n);
    }

    /**
     * The activations of the probe rows, one row-major matrix per layer: the hidden layers the block outputs after
     * its logits, then the output probabilities.
     *
     * @param names  layer names
     * @param widths units per layer
     * @param layers values per layer
     */
    private record Activations(List<String> names, List<Integer> widths, List<float[]> layers) {

        /** Empty matrices of {@code n} rows for the layers of the forward output {@code o}. */
        static Activations shapedLike(NDList o, int n) {
            Activations acts = new Activations(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (int i = 1; i <= o.size(); i++) {
                NDArray a = i < o.size() ? o.get(i) : o.get(0);
                String name = i < o.size() ? (a.getName() == null ? "layer" + i : a.getName()) : "output";
                acts.names.add(name);
                acts.widths.add((int) (a.size() / a.getShape().get(0)));
                acts.layers.add(new float[n * acts.widths.get(i - 1)]);
            }
            return acts;
        }

        /** Copies one chunk's forward output {@code o}, which starts at row {@code from}. */
        void copy(NDList o, int from) {
            for (int i = 0; i < layers.size(); i++) {
                NDArray a = i + 1 < o.size() ? o.get(i + 1) : o.get(0).softmax(1);
                float[] v = a.toType(DataType.FLOAT32, false).toFloatArray();
                System.arraycopy(v, 0, layers.get(i), from * widths.get(i), v.length);
            }
        }

        /** Writes every layer's {@code n} rows as snapshot (seed, epoch), layers numbered from 1. */
        void write(CaptureWriter out, int seedIndex, int epoch, int n) {
            for (int i = 0; i < layers.size(); i++) {
                out.write(seedIndex, epoch, i + 1, names.get(i), n, widths.get(i), layers.get(i));
            }
        }
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
