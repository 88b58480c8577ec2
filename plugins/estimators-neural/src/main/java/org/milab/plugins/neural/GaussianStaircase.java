package org.milab.plugins.neural;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.milab.api.Citation;
import org.milab.api.Configured;
import org.milab.api.EstimationException;
import org.milab.api.ExtensionInfo;
import org.milab.api.Inputs;
import org.milab.api.Port;
import org.milab.api.RunContext;
import org.milab.api.analysis.Analysis;
import org.milab.api.analysis.AnalysisResult;
import org.milab.api.analysis.Table;
import org.milab.api.bound.MiBound;
import org.milab.api.model.ModelFactory;
import org.milab.api.param.ComponentSpec;
import org.milab.api.param.Parameter;
import org.milab.plugins.neural.critic.CriticShapes;
import org.pf4j.Extension;

/**
 * The Gaussian staircase benchmark: each bound trains a fresh critic on correlated Gaussians whose true MI steps
 * through {@code stages}, with fresh samples every step, and its per-step estimates are compared with the truth.
 *
 * <p>Data: {@code x ~ N(0, I_d)}, {@code y = rho x + sqrt(1 - rho^2) e}, {@code rho} set per stage so that
 * {@code -d/2 log(1 - rho^2)} equals the stage's MI. Output: a PNG with one panel per bound (estimates, their
 * moving average, the truth, {@code log batch}); a table of bias, variance and MSE per bound and stage over the
 * second half of each stage (the first half lets the critic catch up with the new MI); the traces as CSV; and
 * each bound's trace as metric {@code <bound>}. A bound that diverges is reported, not fatal.
 *
 * <p>Cost: (number of bounds) x (stages x steps-per-stage) training steps.
 */
@Extension
@Citation(authors = "Poole, B., Ozair, S., van den Oord, A., Alemi, A. A., Tucker, G.", year = 2019,
        title = "On Variational Bounds of Mutual Information", venue = "ICML", arxiv = "1905.06922")
@Citation(authors = "Song, J., Ermon, S.", year = 2020,
        title = "Understanding the Limitations of Variational Mutual Information Estimators", venue = "ICLR",
        arxiv = "1910.06222")
public final class GaussianStaircase implements Analysis {

    static final Parameter<List<ComponentSpec>> BOUNDS = Parameter.components("bounds", MiBound.class)
            .defaultValue(ComponentSpec.parseList("dv, mine, nwj, infonce, js, smile(tau=1), smile(tau=5), smile(tau=inf)"))
            .description("the bounds, each with optional parameters, e.g. [infonce, smile(tau=5)]").build();
    static final Parameter<ComponentSpec> CRITIC = Parameter.component("critic", ModelFactory.class)
            .defaultValue(ComponentSpec.parse("separable-critic"))
            .description("the critic model with its parameters, e.g. joint-critic").build();
    static final Parameter<Integer> DIM = Parameter.integer("dim").defaultValue(20).min(1)
            .description("dimension d of x and of y").build();
    static final Parameter<List<Double>> STAGES = Parameter.reals("stages").defaultValue(List.of(2.0, 4.0, 6.0, 8.0, 10.0))
            .min(0).unit("nats").description("true MI of each stage, in order").build();
    static final Parameter<Integer> STEPS = Parameter.integer("steps-per-stage").defaultValue(4000).min(2)
            .unit("steps").description("training steps per stage").build();
    static final Parameter<Integer> BATCH = Parameter.integer("batch-size").defaultValue(64).min(2)
            .description("pairs per minibatch").build();
    static final Parameter<Double> LEARNING_RATE = Parameter.real("learning-rate").defaultValue(5e-4).range(1e-9, 1)
            .description("Adam step size").build();
    static final Parameter<Integer> SMOOTHING = Parameter.integer("smoothing").defaultValue(200).min(1).unit("steps")
            .description("window of the moving average drawn over the estimates").build();
    static final Parameter<Double> MAX_SCORE = Parameter.real("max-score").defaultValue(1e4).min(1)
            .description("a critic score beyond this in absolute value counts as divergence").build();

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("gaussian-staircase", "Gaussian staircase: bounds tracking a stepwise true MI, with "
                + "figure and bias/variance table.", BOUNDS, CRITIC, DIM, STAGES, STEPS, BATCH, LEARNING_RATE,
                SMOOTHING, MAX_SCORE, CriticBackend.PARAMETER);
    }

    @Override
    public List<Port> inputs() {
        return List.of();
    }

    @Override
    public AnalysisResult analyse(Inputs inputs, RunContext ctx) {
        List<ComponentSpec> bounds = ctx.param(BOUNDS);
        List<Double> stages = ctx.param(STAGES);
        int perStage = ctx.param(STEPS);
        float[] truth = truth(stages, perStage);
        List<StaircaseRun> runs = new ArrayList<>();
        for (int b = 0; b < bounds.size(); b++) {
            runs.add(train(bounds.get(b), truth, ctx, (long) b * truth.length, (long) bounds.size() * truth.length));
        }
        String critic = ctx.param(CRITIC).name();
        Path figure = ctx.artifactsDir().resolve("staircase-" + critic + ".png");
        StaircasePlot.write(figure, critic, runs, truth, ctx.param(SMOOTHING), Math.log(ctx.param(BATCH)));
        writeCsv(ctx.artifactsDir().resolve("staircase-" + critic + ".csv"), runs, truth);
        return summarise(runs, stages, perStage, ctx.param(BATCH), figure);
    }

    /** The true MI at each step: {@code perStage} steps of each stage. */
    private static float[] truth(List<Double> stages, int perStage) {
        float[] truth = new float[perStage * stages.size()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = stages.get(i / perStage).floatValue();
        }
        return truth;
    }

    private StaircaseRun train(ComponentSpec spec, float[] truth, RunContext ctx, long done, long all) {
        Configured<MiBound> configured = ctx.component(MiBound.class, spec);
        MiBound bound = configured.extension().bind(configured.context());
        Block critic = critic(ctx);
        int batch = ctx.param(BATCH);
        int dim = ctx.param(DIM);
        BatchSource source = new GaussianBatches(batch, dim, step -> truth[(int) step - 1]);
        Recording recording = new Recording(spec.toString(), ctx, truth.length);
        try (NDManager run = ctx.ndManager().newSubManager();
             CriticTrainer trainer = new CriticTrainer(spec.toString(), bound, critic, new Shape(batch, dim),
                     new Shape(batch, dim), new CriticTrainer.Settings(ctx.param(LEARNING_RATE), ctx.param(MAX_SCORE),
                     ctx.splittableRandom().nextLong(), ctx.param(CriticBackend.PARAMETER)), run, recording)) {
            steps(trainer, source, run, ctx, truth.length, done, all);
            return recording.finished();
        } catch (EstimationException e) {
            return recording.diverged(e);
        }
    }

    /** A fresh {@code critic} for batches of d-dimensional x and y. */
    private static Block critic(RunContext ctx) {
        Configured<ModelFactory> factory = ctx.component(ModelFactory.class, ctx.param(CRITIC));
        int batch = ctx.param(BATCH);
        int dim = ctx.param(DIM);
        return factory.extension().build(CriticShapes.of(batch, dim, dim), factory.context());
    }

    /** The training steps, each in its own step manager, then the last read-back. */
    private static void steps(CriticTrainer trainer, BatchSource source, NDManager run, RunContext ctx, int steps,
                              long done, long all) {
        for (int step = 1; step <= steps; step++) {
            ctx.checkCancelled();
            try (NDManager stepManager = run.newSubManager()) {
                trainer.step(source.next(stepManager, step), step);
            }
            if (step % 100 == 0) {
                ctx.progress(done + step, all);
            }
        }
        trainer.flush();
    }

    /** One bound's per-step training values, as the trainer passes them on, and the steps completed. */
    private static final class Recording implements CriticTrainer.StepSink {
        private final String label;
        private final RunContext ctx;
        private final float[] values;
        private int completed;

        Recording(String label, RunContext ctx, int steps) {
            this.label = label;
            this.ctx = ctx;
            this.values = new float[steps];
        }

        @Override
        public void accept(long step, float value, float objective) {
            values[(int) step - 1] = value;
            completed = (int) step;
            ctx.metric(label, step, value);
        }

        StaircaseRun finished() {
            return new StaircaseRun(label, values, values.length, 0, "");
        }

        StaircaseRun diverged(EstimationException e) {
            return new StaircaseRun(label, values, completed, completed + 1, e.getMessage());
        }
    }

    private static AnalysisResult summarise(List<StaircaseRun> runs, List<Double> stages, int perStage, int batch,
                                            Path figure) {
        List<List<Object>> rows = new ArrayList<>();
        Map<String, Double> scalars = new LinkedHashMap<>();
        List<String> verdicts = new ArrayList<>();
        for (StaircaseRun run : runs) {
            addStages(run, stages, perStage, rows, scalars);
            if (run.divergedAt() > 0) {
                verdicts.add(run.label() + " diverged at step " + run.divergedAt() + ": " + run.message());
            }
        }
        for (StaircaseRun run : runs) {
            verdicts.add(verdict(run, stages, perStage, batch));
        }
        Table table = new Table("Per-stage bias and variance of the per-step estimates (second half of each stage)",
                List.of("bound", "true MI (nats)", "mean", "bias", "variance", "mse"), rows);
        return new AnalysisResult(List.of(table), scalars, verdicts, List.of(figure));
    }

    /** One table row and the bias and variance scalars per stage of {@code run} (second half of each stage). */
    private static void addStages(StaircaseRun run, List<Double> stages, int perStage, List<List<Object>> rows,
                                  Map<String, Double> scalars) {
        for (int s = 0; s < stages.size(); s++) {
            double[] mv = run.meanAndVariance(s * perStage + perStage / 2 + 1, (s + 1) * perStage);
            double bias = mv[0] - stages.get(s);
            rows.add(List.of(run.label(), stages.get(s), mv[0], bias, mv[1], bias * bias + mv[1]));
            scalars.put(run.label() + "/" + stages.get(s) + "/bias", bias);
            scalars.put(run.label() + "/" + stages.get(s) + "/variance", mv[1]);
        }
    }

    /** The bias and variance of {@code run} at the top stage and its variance at the first. */
    private static String verdict(StaircaseRun run, List<Double> stages, int perStage, int batch) {
        int last = stages.size() - 1;
        double[] top = run.meanAndVariance(last * perStage + perStage / 2 + 1, (last + 1) * perStage);
        double[] low = run.meanAndVariance(perStage / 2 + 1, perStage);
        return String.format(Locale.ROOT, "%s: at %.3g nats mean %.2f (bias %+.2f), variance %.3g; at %.3g nats "
                + "variance %.3g%s", run.label(), stages.get(last), top[0], top[0] - stages.get(last), top[1],
                stages.get(0), low[1], run.label().equals("infonce") ? String.format(Locale.ROOT,
                        " (log batch = %.2f caps InfoNCE)", Math.log(batch)) : "");
    }

    private static void writeCsv(Path file, List<StaircaseRun> runs, float[] truth) {
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("step,true_mi");
            for (StaircaseRun run : runs) {
                w.write(",\"" + run.label() + "\"");
            }
            w.write("\n");
            for (int i = 0; i < truth.length; i++) {
                w.write(csvLine(i, truth, runs));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the staircase traces " + file, e);
        }
    }

    /** Step {@code i + 1}: its true MI and each run's value (empty after the run stopped). */
    private static String csvLine(int i, float[] truth, List<StaircaseRun> runs) {
        StringBuilder line = new StringBuilder().append(i + 1).append(',').append(truth[i]);
        for (StaircaseRun run : runs) {
            line.append(',').append(i < run.steps() ? Float.toString(run.values()[i]) : "");
        }
        return line.append('\n').toString();
    }
}
