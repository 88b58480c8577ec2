package org.milab.plugins.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.milab.api.Citation;
import org.milab.api.ConfigurationException;
import org.milab.api.Configured;
import org.milab.api.ExtensionInfo;
import org.milab.api.InvalidDataException;
import org.milab.api.RunContext;
import org.milab.api.bound.CriticKind;
import org.milab.api.bound.MiBound;
import org.milab.api.data.DatasetProvider;
import org.milab.api.data.SampleArrays;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimate;
import org.milab.api.estimate.Estimator;
import org.milab.api.model.ModelFactory;
import org.milab.api.param.ComponentSpec;
import org.milab.api.param.Parameter;
import org.milab.plugins.neural.critic.CriticShapes;
import org.pf4j.Extension;

/**
 * Variational MI estimation: trains a critic on a bound ({@link MiBound}, any plugin's) by minibatch Adam and
 * reports the bound's value.
 *
 * <p>Two training modes. By default the rows of x and y are shuffled and split into training and validation sets,
 * and each step draws {@code batch-size} training rows with replacement ({@link RowSampler}). With
 * {@code fresh-data}, a generator ({@link DatasetProvider} with views x and y and a size parameter {@code n})
 * generates {@code steps x batch-size} rows once, seeded from the node's seed, and step {@code s} trains on rows
 * {@code [(s-1) batch-size, s batch-size)} of them ({@link FreshRows}), so no row is seen twice; every row of x and y
 * is then held out for validation ({@code validation-fraction} is ignored).
 *
 * <p>Columns are standardised with the training rows' means and deviations (MI is invariant to this). Each step
 * maximises the bound's training objective on its batch and records the bound's value ({@code train-value}); every
 * {@code eval-every} steps the value is averaged over consecutive validation batches ({@code validation-value}).
 * Training stops after {@code steps} steps, or {@code patience} evaluations without improvement. The estimate
 * follows {@code estimate} ({@link EstimateRule}); the default is the best validation value.
 *
 * <p>Known bias: every bound is evaluated on batches of {@code batch-size}, so InfoNCE cannot exceed
 * {@code log(batch-size)}; DV/MINE/NWJ have variance growing like {@code exp(I)} at high MI; a finite dataset lets
 * the critic overfit (hence the validation rule; fresh data avoids it). Time: {@code steps} critic passes over
 * {@code batch-size^2} pairs (joint critic) or {@code batch-size} rows (separable); memory: the critic plus one batch,
 * and with {@code fresh-data} the generated rows (at most {@value FreshData#MAX_ROWS}).
 */
@Extension
@Citation(authors = "Poole, B., Ozair, S., van den Oord, A., Alemi, A. A., Tucker, G.", year = 2019,
        title = "On Variational Bounds of Mutual Information", venue = "ICML", arxiv = "1905.06922")
public final class Variational implements Estimator {

    static final Parameter<ComponentSpec> BOUND = Parameter.component("bound", MiBound.class)
            .defaultValue(ComponentSpec.parse("infonce"))
            .description("the bound, with its parameters: e.g. infonce, smile(tau=5), my-plugin/my-bound").build();
    static final Parameter<ComponentSpec> CRITIC = Parameter.component("critic", ModelFactory.class)
            .defaultValue(ComponentSpec.parse("auto")).keyword("auto")
            .description("the critic model, with its parameters, e.g. joint-critic(hidden=[128,128]); auto: "
                    + "separable-critic, or gaussian-conditional for log-density bounds such as club").build();
    static final Parameter<Integer> STEPS = Parameter.integer("steps").defaultValue(2000).min(1).unit("steps")
            .description("maximum number of training steps").build();
    static final Parameter<Integer> BATCH = Parameter.integer("batch-size").defaultValue(64).min(2)
            .description("pairs per minibatch (InfoNCE is capped at its log)").build();
    static final Parameter<Double> LEARNING_RATE = Parameter.real("learning-rate").defaultValue(5e-4).range(1e-9, 1)
            .description("Adam step size").build();
    static final Parameter<Double> VALIDATION = Parameter.real("validation-fraction").defaultValue(0.2)
            .range(0.0, 0.9).description("fraction of rows held out for evaluation and early stopping (ignored "
                    + "with fresh-data, where every row is held out)").build();
    static final Parameter<Integer> EVAL_EVERY = Parameter.integer("eval-every").defaultValue(100).min(1)
            .unit("steps").description("steps between evaluations on the validation rows").build();
    static final Parameter<Integer> PATIENCE = Parameter.integer("patience").defaultValue(10).min(0)
            .description("stop after this many evaluations without improvement (0: never stop early)").build();
    static final Parameter<EstimateRule> RULE = Parameter.choice("estimate", EstimateRule.class)
            .defaultValue(EstimateRule.BEST_VALIDATION).description("how the estimate is read from the run").build();
    static final Parameter<Integer> WINDOW = Parameter.integer("window").defaultValue(200).min(1).unit("steps")
            .description("steps averaged by estimate=last-window").build();
    static final Parameter<Boolean> STANDARDISE = Parameter.bool("standardise").defaultValue(true)
            .description("rescale each column to mean 0 and variance 1 (training statistics)").build();
    static final Parameter<Double> MAX_SCORE = Parameter.real("max-score").defaultValue(1e4).min(1)
            .description("a critic score beyond this in absolute value stops training as diverged").build();
    static final Parameter<Integer> SEEDS = Parameter.integer("seeds").defaultValue(1).range(1, 100)
            .description("independent training runs (critic initialisation, split and batch order drawn anew); "
                    + "with more than 1 the estimate is their mean and its stderr their spread over sqrt(seeds)")
            .build();
    static final Parameter<String> FRESH_DATA = Parameter.string("fresh-data").defaultValue("none")
            .description("a generator dataset (with views x and y and a parameter n) to draw every training batch "
                    + "from, fresh rows each step; x and y are then used for validation only (all their rows: "
                    + "validation-fraction is ignored); none: train on the rows of x and y").build();

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("variational", "Variational MI estimator: trains a critic on a bound (InfoNCE, "
                + "SMILE, NWJ, ...) and reports the bound.", BOUND, CRITIC, STEPS, BATCH, LEARNING_RATE, VALIDATION,
                EVAL_EVERY, PATIENCE, RULE, WINDOW, STANDARDISE, MAX_SCORE, FRESH_DATA, SEEDS,
                CriticBackend.PARAMETER);
    }

    @Override
    public Estimate estimate(Samples x, Samples y, RunContext ctx) {
        if (x.rows() != y.rows()) {
            throw new InvalidDataException("x has " + x.rows() + " rows but y has " + y.rows()
                    + "; paired samples need one row each");
        }
        x.requireFinite("x");
        y.requireFinite("y");
        int seeds = ctx.param(SEEDS);
        List<Estimate> runs = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
            runs.add(trainOnce(x, y, ctx, s == 0 ? ctx.seed() : SeedEnsemble.seed(ctx.seed(), s),
                    seeds == 1 ? "" : "-seed" + (s + 1)));
        }
        return seeds == 1 ? runs.get(0) : SeedEnsemble.of(runs);
    }

    /** One training run with engine seed {@code seed}; its metric names end with {@code suffix}. */
    private static Estimate trainOnce(Samples x, Samples y, RunContext ctx, long seed, String suffix) {
        int batch = ctx.param(BATCH);
        Optional<ComponentSpec> fresh = freshData(ctx);
        Split split = fresh.isPresent() ? freshSplit(x, y, fresh.get(), ctx) : rowSplit(x, y, ctx);
        MiBound bound = resolveBound(ctx);
        Block critic = resolveCritic(ctx, bound, batch, x.cols(), y.cols());
        try (NDManager run = ctx.ndManager().newSubManager()) {
            Training training = new Training(ctx, bound, split, batch,
                    fresh.isPresent() ? FreshRows::new : RowSampler::new, seed, suffix);
            Estimate e = training.run(run, critic).toEstimate(ctx.param(RULE), ctx.param(WINDOW), x.rows(), batch)
                    .withNote("critic trained by " + training.backend);
            return fresh.isPresent() ? e.withDiagnostic("fresh-rows", split.trainX().rows()) : e;
        }
    }

    /** Dataset mode: the rows of x and y, shuffled and split by {@code validation-fraction}. */
    private static Split rowSplit(Samples x, Samples y, RunContext ctx) {
        int batch = ctx.param(BATCH);
        int n = x.rows();
        int validation = (int) Math.round(n * ctx.param(VALIDATION));
        if (ctx.param(RULE) == EstimateRule.BEST_VALIDATION && validation < 2) {
            throw new ConfigurationException("parameter 'estimate'", "best-validation needs at least 2 validation rows; "
                    + "raise validation-fraction (now " + ctx.param(VALIDATION) + " of " + n
                    + " rows) or use estimate=last-window");
        }
        if (n - validation < batch) {
            throw new InvalidDataException("x and y have " + n + " rows, " + (n - validation) + " of them for "
                    + "training, fewer than batch-size " + batch + "; lower batch-size or validation-fraction");
        }
        return Split.of(x, y, validation, ctx.param(STANDARDISE), ctx.splittableRandom());
    }

    /** Generator mode: training rows from the {@code fresh-data} generator, every row of x and y for validation. */
    private static Split freshSplit(Samples x, Samples y, ComponentSpec generator, RunContext ctx) {
        if (ctx.param(RULE) == EstimateRule.BEST_VALIDATION && x.rows() < 2) {
            throw new ConfigurationException("parameter 'estimate'", "best-validation needs at least 2 validation rows; "
                    + "with fresh-data every row of x and y is held out and they have " + x.rows()
                    + "; pass more rows or use estimate=last-window");
        }
        FreshData.Rows rows = new FreshData(FRESH_DATA, generator).generate(ctx, ctx.param(STEPS), ctx.param(BATCH),
                x, y);
        return Split.fresh(rows.x(), rows.y(), x, y, ctx.param(STANDARDISE), ctx.splittableRandom());
    }

    /** The {@code fresh-data} generator; empty for {@code none}. */
    private static Optional<ComponentSpec> freshData(RunContext ctx) {
        String text = ctx.param(FRESH_DATA).strip();
        return text.equals("none") ? Optional.empty() : Optional.of(spec(FRESH_DATA, text));
    }

    private static ComponentSpec spec(Parameter<String> parameter, String text) {
        try {
            return ComponentSpec.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("parameter '" + parameter.name() + "'", e.getMessage());
        }
    }

    private static MiBound resolveBound(RunContext ctx) {
        Configured<MiBound> bound = ctx.component(MiBound.class, ctx.param(BOUND));
        return bound.extension().bind(bound.context());
    }

    private static Block resolveCritic(RunContext ctx, MiBound bound, int batch, int dx, int dy) {
        ComponentSpec spec = ctx.param(CRITIC);
        if (spec.name().equals("auto") && spec.parameters().isEmpty()) {
            spec = ComponentSpec.parse(bound.critic() == CriticKind.LOG_DENSITY ? "gaussian-conditional"
                    : "separable-critic");
        }
        Configured<ModelFactory> factory = ctx.component(ModelFactory.class, spec);
        return factory.extension().build(CriticShapes.of(batch, dx, dy), factory.context());
    }

    /** One training run: the loop, validation and early stopping. */
    private static final class Training {
        private final RunContext ctx;
        private final MiBound bound;
        private final Split split;
        private final int batch;
        private final Sampling sampling;

        private final long seed;
        private final String suffix;
        /** Which backend trained the critic, once {@link #run} has started. */
        private String backend;

        Training(RunContext ctx, MiBound bound, Split split, int batch, Sampling sampling, long seed, String suffix) {
            this.ctx = ctx;
            this.bound = bound;
            this.split = split;
            this.batch = batch;
            this.sampling = sampling;
            this.seed = seed;
            this.suffix = suffix;
        }

        Trace run(NDManager run, Block critic) {
            Tensors t = Tensors.of(split, run);
            BatchSource source = sampling.over(t.trainX(), t.trainY(), batch);
            Trace trace = new Trace(ctx.param(STEPS));
            try (CriticTrainer trainer = new CriticTrainer(bound.info().name(), bound, critic,
                    new Shape(batch, t.trainX().getShape().get(1)), new Shape(batch, t.trainY().getShape().get(1)),
                    new CriticTrainer.Settings(ctx.param(LEARNING_RATE), ctx.param(MAX_SCORE), seed,
                    ctx.param(CriticBackend.PARAMETER)), run, sink(trace))) {
                backend = trainer.backend();
                loop(trainer, source, t, trace, run);
            }
            return trace;
        }

        /** Records each step's training value in the trace and as metrics. */
        private CriticTrainer.StepSink sink(Trace trace) {
            return (step, value, objective) -> {
                trace.train((int) step, value);
                ctx.metric("train-value" + suffix, step, value);
                ctx.metric("train-objective" + suffix, step, objective);
            };
        }

        /** The steps, each in its own step manager, with validation every eval-every steps and early stopping. */
        private void loop(CriticTrainer trainer, BatchSource source, Tensors t, Trace trace, NDManager run) {
            int steps = ctx.param(STEPS);
            int evalEvery = ctx.param(EVAL_EVERY);
            int patience = ctx.param(PATIENCE);
            for (int step = 1; step <= steps; step++) {
                ctx.checkCancelled();
                try (NDManager stepManager = run.newSubManager()) {
                    trainer.step(source.next(stepManager, step), step);
                }
                boolean evaluate = t.validX() != null && (step % evalEvery == 0 || step == steps);
                if (evaluate || step == steps) {
                    trainer.flush();
                }
                if (evaluate && stopsAfterValidation(trainer, run, t, trace, step, patience)) {
                    break;
                }
                ctx.progress(step, steps);
            }
        }

        /** Validates after {@code step}; whether early stopping ends the training. */
        private boolean stopsAfterValidation(CriticTrainer trainer, NDManager run, Tensors t, Trace trace, int step,
                                             int patience) {
            double[] v = validate(trainer, run, t.validX(), t.validY(), step);
            ctx.metric("validation-value" + suffix, step, v[0]);
            return trace.validation(step, v[0], v[1]) >= patience && patience > 0;
        }

        /** Mean and standard error of the bound over consecutive validation batches. */
        private double[] validate(CriticTrainer trainer, NDManager run, NDArray vx, NDArray vy, long step) {
            long rows = vx.getShape().get(0);
            long size = Math.min(batch, rows);
            int batches = (int) (rows / size);
            double sum = 0;
            double sumSq = 0;
            for (int b = 0; b < batches; b++) {
                double v = evaluate(trainer, run, vx, vy, new NDIndex("{}:{}", b * size, (b + 1) * size), step);
                sum += v;
                sumSq += v * v;
            }
            double mean = sum / batches;
            double se = batches > 1 ? Math.sqrt(Math.max(0, (sumSq - batches * mean * mean) / (batches - 1)) / batches)
                    : 0.0;
            return new double[] {mean, se};
        }

        /** The bound on the validation rows {@code slice}, in a sub-manager closed after it. */
        private static double evaluate(CriticTrainer trainer, NDManager run, NDArray vx, NDArray vy, NDIndex slice,
                                       long step) {
            try (NDManager m = run.newSubManager()) {
                NDArray bx = vx.get(slice);
                NDArray by = vy.get(slice);
                bx.attach(m);
                by.attach(m);
                return trainer.evaluate(new NDList(bx, by), step);
            }
        }
    }

    /**
     * The training and validation rows on the engine side, in the run's manager.
     *
     * @param validX the validation rows of x, null when there are none
     * @param validY the validation rows of y, null when there are none
     */
    private record Tensors(NDArray trainX, NDArray trainY, NDArray validX, NDArray validY) {

        static Tensors of(Split split, NDManager run) {
            NDArray trainX = SampleArrays.toNDArray(split.trainX(), run);
            NDArray trainY = SampleArrays.toNDArray(split.trainY(), run);
            NDArray validX = split.validX().rows() > 0 ? SampleArrays.toNDArray(split.validX(), run) : null;
            NDArray validY = split.validY().rows() > 0 ? SampleArrays.toNDArray(split.validY(), run) : null;
            return new Tensors(trainX, trainY, validX, validY);
        }
    }

    /** How training batches are taken from the training rows on the engine side. */
    @FunctionalInterface
    private interface Sampling {
        BatchSource over(NDArray x, NDArray y, int batch);
    }

    /** The standardised training and (shuffled) validation rows. */
    record Split(Samples trainX, Samples trainY, Samples validX, Samples validY) {

        /** Dataset mode: the first {@code validation} shuffled rows for validation, the rest for training. */
        static Split of(Samples x, Samples y, int validation, boolean standardise,
                        RandomGenerator random) {
            int n = x.rows();
            int[] order = shuffled(n, random);
            int[] train = Arrays.copyOfRange(order, validation, n);
            int[] valid = Arrays.copyOfRange(order, 0, validation);
            return standardised(x.selectRows(train), y.selectRows(train), x.selectRows(valid), y.selectRows(valid),
                    standardise, "x", "y");
        }

        /** Generator mode: the generated rows in order for training, every input row (shuffled) for validation. */
        static Split fresh(Samples freshX, Samples freshY, Samples x, Samples y, boolean standardise,
                           RandomGenerator random) {
            int[] valid = shuffled(x.rows(), random);
            return standardised(freshX, freshY, x.selectRows(valid), y.selectRows(valid), standardise,
                    "fresh-data x", "fresh-data y");
        }

        /** The split with every column rescaled by the training rows' statistics (or left as is). */
        private static Split standardised(Samples trainX, Samples trainY, Samples validX, Samples validY,
                                          boolean standardise, String nameX, String nameY) {
            Standardiser sx = standardise ? Standardiser.fit(trainX, nameX) : Standardiser.identity(trainX.cols());
            Standardiser sy = standardise ? Standardiser.fit(trainY, nameY) : Standardiser.identity(trainY.cols());
            return new Split(sx.apply(trainX), sy.apply(trainY), sx.apply(validX), sy.apply(validY));
        }

        private static int[] shuffled(int n, RandomGenerator random) {
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            return order;
        }
    }
}
