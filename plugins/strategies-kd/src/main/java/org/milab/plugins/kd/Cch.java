package org.milab.plugins.kd;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.milab.api.Citation;
import org.milab.api.ConfigurationException;
import org.milab.api.Configured;
import org.milab.api.ExtensionInfo;
import org.milab.api.Inputs;
import org.milab.api.Port;
import org.milab.api.RunContext;
import org.milab.api.analysis.Analysis;
import org.milab.api.analysis.AnalysisResult;
import org.milab.api.analysis.Table;
import org.milab.api.data.Dataset;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimator;
import org.milab.api.param.ComponentSpec;
import org.milab.api.param.Parameter;
import org.pf4j.Extension;

/**
 * Tests the cross-modal complementarity hypothesis (CCH): cross-modal distillation from a teacher T into a student S
 * is predicted to help when I(T; S) > I(S; Y), T and S being the two models' representations and Y the label.
 *
 * <p>For each teacher-noise level sigma (the teacher-student dependence is swept by adding N(0, sigma^2) noise to
 * every standardised coordinate of the teacher's view; sigma = 0 is the view as given): a teacher is trained on the
 * noisy teacher view (all training labels); then for each of {@code seeds} seeds a student is trained on the student
 * view with and without the distillation term, from the same initialisation and batch order (a paired design). On
 * the test rows, with the representation {@code representation} of the teacher and of the student trained
 * without distillation (the student before distillation, about which the criterion makes its prediction), I(T; S) is
 * estimated with {@code estimator} and I(S; Y) with {@code label-estimator}, each averaged over the seeds; the gap is
 * I(T; S) - I(S; Y). The measured gain is the student's test accuracy with minus without distillation (test
 * cross-entropy for regression targets: without minus with), with a 95% Student-t interval over the seeds.
 *
 * <p>Output: a table (one row per level), the figure {@code cch.png} (gain against gap), scalars (the level where
 * the gap and the gain change sign, by linear interpolation, and the fraction of levels where the prediction agrees
 * with a significant gain or loss) and verdicts in plain words. Known limits: the MI terms carry the bias of the
 * chosen estimators (k-NN estimators underestimate in higher dimensions), the output representation (logits) has
 * one coordinate per class, and the gain depends on kd-weight, temperature and how many labels the student has; the
 * verdicts report, they do not settle, the hypothesis. With {@code replicates} R &gt; 1 the whole sweep is repeated
 * from R seeds and reported by {@link CchReplicates}: per level the means over replicates with 95% t-intervals,
 * and where the gap and the gain change sign in each replicate, with their mean and interval. Cost: R x levels x
 * (1 + 2 seeds) trainings plus 2 seeds MI estimates per level.
 */
@Extension
@Citation(authors = "Xie, R., Xu, Y., Sanguinetti, G.", year = 2025, title = "Information-Theoretic Criteria for "
        + "Knowledge Distillation in Multimodal Learning", arxiv = "2510.13182")
public final class Cch implements Analysis {

    static final Parameter<List<Double>> NOISE = Parameter.reals("teacher-noise").defaultValue(List.of(0.0))
            .range(0, 1e6)
            .description("noise levels (sd) added to the standardised teacher view, e.g. [0, 0.5, 1, 2]").build();
    static final Parameter<Integer> SEEDS = Parameter.integer("seeds").defaultValue(5).range(1, 1000)
            .description("student trainings with and without distillation per level").build();
    static final Parameter<Integer> REPLICATES = Parameter.integer("replicates").defaultValue(1).range(1, 100)
            .description("repetitions of the whole sweep, each from its own seed (teacher-noise draws, teachers, "
                    + "students); the sign-change levels are then reported per replicate and with a 95% interval")
            .build();
    static final Parameter<String> REPRESENTATION = Parameter.string("representation").defaultValue("output")
            .description("representation whose MI is estimated: output (logits), penultimate or a layer name").build();
    static final Parameter<ComponentSpec> ESTIMATOR = Parameter.component("estimator", Estimator.class)
            .defaultValue(ComponentSpec.parse("ksg"))
            .description("estimator of I(T;S), with its parameters, e.g. ksg(k=5)").build();
    static final Parameter<ComponentSpec> LABEL_ESTIMATOR = Parameter.component("label-estimator", Estimator.class)
            .defaultValue(ComponentSpec.parse("ross-mixed"))
            .description("estimator of I(S;Y), with its parameters; y is the label column").build();

    /**
     * One teacher-noise level.
     *
     * @param noise           the level
     * @param teacherStudent  I(T;S), nats, mean over seeds
     * @param studentLabel    I(S;Y), nats, mean over seeds
     * @param teacherAccuracy the teacher's test metric
     * @param plain           the student's mean test metric without distillation
     * @param distilled       ... with distillation
     * @param gain            gain over the seeds
     * @param gapInterval     the gap I(T;S) - I(S;Y) over the seeds (its mean is {@link #gap()})
     */
    record Level(double noise, double teacherStudent, double studentLabel, double teacherAccuracy, double plain,
                 double distilled, MeanInterval gain, MeanInterval gapInterval) {
        double gap() {
            return teacherStudent - studentLabel;
        }
    }

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("cch", "Cross-modal complementarity hypothesis: I(T;S) - I(S;Y) against the measured "
                        + "gain of distillation, over teacher-noise levels and seeds.", CrossModalKd.TEACHER_VIEW,
                CrossModalKd.STUDENT_VIEW, Supervised.TARGET, Supervised.TASK, NOISE, SEEDS, REPLICATES, REPRESENTATION,
                ESTIMATOR,
                LABEL_ESTIMATOR, CrossModalKd.TEACHER_MODEL, Supervised.MODEL, CrossModalKd.LOSS,
                CrossModalKd.KD_WEIGHT, KdSchedule.PARAMETER, CrossModalKd.CE_WEIGHT, CrossModalKd.TEACHER_FEATURE,
                CrossModalKd.STUDENT_FEATURE, Settings.EPOCHS, Settings.BATCH, Settings.LEARNING_RATE,
                Settings.WEIGHT_DECAY, Settings.PATIENCE, Settings.MAX_LOSS, Settings.VALIDATION, Settings.TEST,
                Settings.SPLIT_SEED, Settings.LABELLED);
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.required("dataset", Dataset.class, "the dataset holding both views and the label"));
    }

    @Override
    public AnalysisResult analyse(Inputs inputs, RunContext ctx) {
        Prepared data = Prepared.of(inputs.get("dataset", Dataset.class), ctx.param(Supervised.TARGET),
                ctx.param(Supervised.TASK), ctx);
        double[] noise = ctx.param(NOISE).stream().mapToDouble(Double::doubleValue).toArray();
        Settings s = Settings.of(ctx);
        int seeds = ctx.param(SEEDS);
        int replicates = ctx.param(REPLICATES);
        long perModel = Trainer.steps(data.split().train().length, s) * s.epochs();
        Trainer.Progress progress = new Trainer.Progress(ctx,
                replicates * noise.length * (1 + 2L * seeds) * perModel);
        List<Long> replicateSeeds = new ArrayList<>();
        List<List<Level>> sweeps = new ArrayList<>();
        SplittableRandom seedOfReplicate = new SplittableRandom(ctx.seed());
        for (int r = 0; r < replicates; r++) {
            long seed = r == 0 ? ctx.seed() : seedOfReplicate.nextLong();
            replicateSeeds.add(seed);
            sweeps.add(sweep(ctx, data, noise, seeds, s, progress, seed));
        }
        return replicates == 1 ? CchReport.of(sweeps.get(0), ctx.param(Supervised.TASK), ctx.artifactsDir())
                : CchReplicates.of(sweeps, replicateSeeds, ctx.param(Supervised.TASK), ctx.artifactsDir());
    }

    /** One sweep over the teacher-noise levels from {@code seed}. */
    private static List<Level> sweep(RunContext ctx, Prepared data, double[] noise, int seeds, Settings s,
                                     Trainer.Progress progress, long seed) {
        Rows sx = data.view(ctx.param(CrossModalKd.STUDENT_VIEW));
        Rows clean = data.view(ctx.param(CrossModalKd.TEACHER_VIEW));
        List<Level> levels = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(seed);
        try (NDManager run = ctx.ndManager().newSubManager()) {
            for (double sigma : noise) {
                levels.add(level(ctx, data, clean.noisy(sigma, rng.split()), sx, sigma, seeds, s, progress,
                        rng.nextLong(), run));
            }
        }
        return levels;
    }

    private static Level level(RunContext ctx, Prepared data, Rows tx, Rows sx, double sigma, int seeds, Settings s,
                               Trainer.Progress progress, long seed, NDManager run) {
        String rep = ctx.param(REPRESENTATION);
        Target y = data.target();
        int[] test = data.split().test();
        Samples label = data.testTarget(ctx.param(Supervised.TARGET));
        Configured<Estimator> ts = Components.estimator(ctx, ctx.param(ESTIMATOR));
        Configured<Estimator> sy = Components.estimator(ctx, ctx.param(LABEL_ESTIMATOR));
        int labelled = ctx.param(Settings.LABELLED);
        SplittableRandom seedSource = new SplittableRandom(seed);
        try (NDManager teacherScope = run.newSubManager()) {
            Block tb = Components.model(ctx, ctx.param(CrossModalKd.TEACHER_MODEL),
                    s.batch(), tx.cols(), y.outputs());
            Fit.Trained teacher = Fit.train("teacher", tb, tx, y, data.split(), 0, 1.0, null, s, ctx, progress,
                    seedSource.nextLong(), teacherScope);
            Samples t = teacher.network().infer(tx, test, rep, REPRESENTATION.name(), teacherScope).samples("t");
            Fit.Distillation kd = CrossModalKd.distillation(ctx, teacher.network(), tx, teacherScope);
            double[] gain = new double[seeds];
            double[] gap = new double[seeds];
            double its = 0;
            double isy = 0;
            double plainSum = 0;
            double kdSum = 0;
            String metric = y.classification() ? "test-accuracy" : "test-loss";
            for (int r = 0; r < seeds; r++) {
                long studentSeed = seedSource.nextLong();
                double plain;
                try (NDManager m = teacherScope.newSubManager()) {
                    Block b = Components.model(ctx, ctx.param(Supervised.MODEL), s.batch(),
                            sx.cols(), y.outputs());
                    Fit.Trained p = Fit.train("student-plain", b, sx, y, data.split(), labelled, 1.0, null, s, ctx,
                            progress, studentSeed, m);
                    plain = p.metrics().get(metric);
                    Samples st = p.network().infer(sx, test, rep, REPRESENTATION.name(), m).samples("s");
                    double itsSeed = ts.extension().estimate(st, t, ts.context()).nats();
                    double isySeed = sy.extension().estimate(st, label, sy.context()).nats();
                    gap[r] = itsSeed - isySeed;
                    its += itsSeed / seeds;
                    isy += isySeed / seeds;
                }
                double distilled;
                try (NDManager m = teacherScope.newSubManager()) {
                    Block b = Components.model(ctx, ctx.param(Supervised.MODEL), s.batch(),
                            sx.cols(), y.outputs());
                    distilled = Fit.train("student-kd", b, sx, y, data.split(), labelled,
                            ctx.param(CrossModalKd.CE_WEIGHT), kd, s, ctx, progress, studentSeed, m).metrics().get(metric);
                }
                gain[r] = y.classification() ? distilled - plain : plain - distilled;
                plainSum += plain / seeds;
                kdSum += distilled / seeds;
            }
            double teacherMetric = teacher.metrics().get(metric);
            return new Level(sigma, its, isy, teacherMetric, plainSum, kdSum, MeanInterval.of(gain),
                    MeanInterval.of(gap));
        }
    }


}
