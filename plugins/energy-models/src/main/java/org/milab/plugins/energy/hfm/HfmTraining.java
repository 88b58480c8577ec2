package org.milab.plugins.energy.hfm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.Inputs;
import org.milab.api.Port;
import org.milab.api.RunContext;
import org.milab.api.data.Dataset;
import org.milab.api.data.Samples;
import org.milab.api.param.Parameter;
import org.milab.api.train.TrainingResult;
import org.milab.api.train.TrainingStrategy;
import org.milab.plugins.energy.LayerRecord;
import org.milab.plugins.energy.TrainingData;
import org.pf4j.Extension;

/**
 * Fits an {@link HfmMachine} (HFM prior over the hidden features, factorised logistic read-out of the data) by exact
 * maximum likelihood: full-batch gradient ascent with every hidden state enumerated (Xie and Marsili 2022). Metrics:
 * {@code log-likelihood} and {@code g} per step; result: the final mean log-likelihood (nats per row), g, the exact
 * model relevance H[K] and resolution H[S] (nats), and the layer's most likely state on every row plus g (see
 * {@link LayerRecord}). Cost: steps x rows x 2^features x V.
 */
@Extension
@Citation(authors = "Xie, R., Marsili, M.", year = 2022, title = "A simple probabilistic neural network for machine "
        + "understanding", arxiv = "2210.13179")
public final class HfmTraining implements TrainingStrategy {

    static final Parameter<Integer> FEATURES = Parameter.integer("features").defaultValue(8).range(1, 16)
            .description("hidden features n (2^n states are enumerated)").build();
    static final Parameter<Integer> STEPS = Parameter.integer("steps").defaultValue(200).range(1, 1_000_000)
            .description("full-batch gradient-ascent steps").build();
    static final Parameter<Double> LEARNING_RATE = Parameter.real("learning-rate").defaultValue(0.5).range(1e-6, 100)
            .description("gradient-ascent step size on the mean log-likelihood").build();

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("hfm", "The Hierarchical Feature Model fitted to data by exact maximum likelihood.",
                TrainingData.INPUT, TrainingData.THRESHOLD, TrainingData.LIMIT, FEATURES, STEPS, LEARNING_RATE);
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.required("dataset", Dataset.class, "the dataset holding the view to model"));
    }

    @Override
    public TrainingResult train(Inputs inputs, RunContext ctx) {
        TrainingData data = TrainingData.of(inputs.get("dataset", Dataset.class), ctx);
        HfmMachine m = HfmMachine.initial(ctx.param(FEATURES), data.values(), data.rows(),
                new SplittableRandom(ctx.seed()));
        ascend(m, data, ctx);
        Map<String, Double> metrics = finalMetrics(m, data);
        Map<String, Samples> reps = new LinkedHashMap<>();
        LayerRecord.putHfm(reps, 1, states(m.mapStates(data.values(), data.rows()), m.features()), m.prior().g());
        return new TrainingResult(Map.of(), metrics, reps);
    }

    /** The gradient-ascent steps, recording the log-likelihood before each step and g after it. */
    private static void ascend(HfmMachine m, TrainingData data, RunContext ctx) {
        int steps = ctx.param(STEPS);
        for (int s = 1; s <= steps; s++) {
            ctx.checkCancelled();
            double ll = m.step(data.values(), data.rows(), ctx.param(LEARNING_RATE));
            ctx.metric("log-likelihood", s - 1, ll);
            ctx.metric("g", s, m.prior().g());
            ctx.progress(s, steps);
        }
    }

    /** The trained machine's log-likelihood of the data, g, and its prior's relevance and resolution. */
    private static Map<String, Double> finalMetrics(HfmMachine m, TrainingData data) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("log-likelihood", m.logLikelihood(data.values(), data.rows()));
        metrics.put("g", m.prior().g());
        metrics.put("model-relevance", m.prior().relevance());
        metrics.put("model-resolution", m.prior().resolution());
        return metrics;
    }

    private static Samples states(int[] codes, int features) {
        double[] v = new double[codes.length * features];
        for (int r = 0; r < codes.length; r++) {
            for (int a = 0; a < features; a++) {
                v[r * features + a] = codes[r] >> a & 1;
            }
        }
        return Samples.wrap(codes.length, features, v, Samples.names("s", features));
    }
}
