package org.milab.plugins.kd;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.milab.api.Citation;
import org.milab.api.Configured;
import org.milab.api.ExtensionInfo;
import org.milab.api.Inputs;
import org.milab.api.Port;
import org.milab.api.RunContext;
import org.milab.api.analysis.Analysis;
import org.milab.api.analysis.AnalysisResult;
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
        List<Long> replicateSeeds = replicateSeeds(ctx.seed(), ctx.param(REPLICATES));
        Sweep sweep = Sweep.of(ctx, data, noise.length * (long) replicateSeeds.size());
        List<List<Level>> sweeps = new ArrayList<>();
        for (long seed : replicateSeeds) {
            sweeps.add(sweep(sweep, noise, seed));
        }
        return sweeps.size() == 1 ? CchReport.of(sweeps.get(0), ctx.param(Supervised.TASK), ctx.artifactsDir())
                : CchReplicates.of(sweeps, replicateSeeds, ctx.param(Supervised.TASK), ctx.artifactsDir());
    }

    /** The seed of each replicate: the node seed for the first, then draws from a generator seeded with it. */
    private static List<Long> replicateSeeds(long seed, int replicates) {
        List<Long> seeds = new ArrayList<>();
        SplittableRandom seedOfReplicate = new SplittableRandom(seed);
        for (int r = 0; r < replicates; r++) {
            seeds.add(r == 0 ? seed : seedOfReplicate.nextLong());
        }
        return seeds;
    }

    /**
     * What every level of every sweep shares.
     *
     * @param data    the prepared dataset
     * @param student the student view
     * @param seeds   student pairs per level
     * @param session settings, context and progress across all the trainings
     */
    private record Sweep(Prepared data, Rows student, int seeds, Session session) {

        /** The sweep of {@code levels} levels in all (levels x replicates), each of 1 + 2 seeds trainings. */
        static Sweep of(RunContext ctx, Prepared data, long levels) {
            Settings s = Settings.of(ctx);
            int seeds = ctx.param(SEEDS);
            long perModel = Trainer.steps(data.split().train().length, s) * s.epochs();
            Session session = Session.of(ctx, s, levels * (1 + 2L * seeds) * perModel);
            return new Sweep(data, data.view(ctx.param(CrossModalKd.STUDENT_VIEW)), seeds, session);
        }

        RunContext ctx() {
            return session.ctx();
        }

        /** The student's rows, labelled as {@link Settings#LABELLED} says. */
        Fit.Data studentData() {
            return new Fit.Data(student, data.target(), data.split(), ctx().param(Settings.LABELLED));
        }

        /** A fresh, uninitialised student network. */
        Block studentBlock() {
            return Components.model(ctx(), ctx().param(Supervised.MODEL), session.settings().batch(),
                    student.cols(), data.target().outputs());
        }

        /** The test metric compared across models: accuracy for classification, else the loss. */
        String metric() {
            return data.target().classification() ? "test-accuracy" : "test-loss";
        }
    }

    /**
     * The two MI estimators and what they are estimated against, for one level.
     *
     * @param teacher the teacher's representation of the test rows
     * @param label   the test rows' label
     * @param ts      estimator of I(T;S)
     * @param sy      estimator of I(S;Y)
     */
    private record Probe(Samples teacher, Samples label, Configured<Estimator> ts, Configured<Estimator> sy) {

        /** I(T;S) and I(S;Y) of the student representation {@code s}, nats. */
        double[] of(Samples s) {
            return new double[] {ts.extension().estimate(s, teacher, ts.context()).nats(),
                    sy.extension().estimate(s, label, sy.context()).nats()};
        }
    }

    /**
     * One student pair's figures.
     *
     * @param plain     test metric without distillation
     * @param distilled ... with distillation
     * @param its       I(T;S) of the plain student, nats
     * @param isy       I(S;Y) of the plain student, nats
     */
    private record Pair(double plain, double distilled, double its, double isy) {
    }

    /** One sweep over the teacher-noise levels from {@code seed}. */
    private static List<Level> sweep(Sweep sweep, double[] noise, long seed) {
        Rows clean = sweep.data().view(sweep.ctx().param(CrossModalKd.TEACHER_VIEW));
        List<Level> levels = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(seed);
        try (NDManager run = sweep.ctx().ndManager().newSubManager()) {
            for (double sigma : noise) {
                levels.add(level(sweep, clean.noisy(sigma, rng.split()), sigma, rng.nextLong(), run));
            }
        }
        return levels;
    }

    /** One level: a teacher on {@code tx}, then the seeds' student pairs against it. */
    private static Level level(Sweep sweep, Rows tx, double sigma, long seed, NDManager run) {
        RunContext ctx = sweep.ctx();
        SplittableRandom seedSource = new SplittableRandom(seed);
        Configured<Estimator> ts = Components.estimator(ctx, ctx.param(ESTIMATOR));
        Configured<Estimator> sy = Components.estimator(ctx, ctx.param(LABEL_ESTIMATOR));
        try (NDManager teacherScope = run.newSubManager()) {
            Fit.Trained teacher = teacher(sweep, tx, seedSource.nextLong(), teacherScope);
            Probe probe = new Probe(representation(sweep, teacher.network(), tx, "t", teacherScope),
                    sweep.data().testTarget(ctx.param(Supervised.TARGET)), ts, sy);
            Fit.Distillation kd = CrossModalKd.distillation(ctx, teacher.network(), tx, teacherScope);
            List<Pair> pairs = new ArrayList<>();
            for (int r = 0; r < sweep.seeds(); r++) {
                pairs.add(pair(sweep, probe, kd, seedSource.nextLong(), teacherScope));
            }
            return summary(sigma, teacher.metrics().get(sweep.metric()), pairs, sweep.data().target());
        }
    }

    /** The test rows' {@code representation} of a model reading {@code x}, columns named {@code prefix0, ...}. */
    private static Samples representation(Sweep sweep, Network net, Rows x, String prefix, NDManager scope) {
        return net.infer(x, sweep.data().split().test(), sweep.ctx().param(REPRESENTATION), REPRESENTATION.name(),
                scope).samples(prefix);
    }

    /** The teacher of one level, trained on all training labels of {@code tx}. */
    private static Fit.Trained teacher(Sweep sweep, Rows tx, long seed, NDManager scope) {
        Target y = sweep.data().target();
        Block tb = Components.model(sweep.ctx(), sweep.ctx().param(CrossModalKd.TEACHER_MODEL),
                sweep.session().settings().batch(), tx.cols(), y.outputs());
        return Fit.train("teacher", tb, new Fit.Data(tx, y, sweep.data().split(), 0), 1.0, null,
                sweep.session().in(scope), seed);
    }

    /** One student trained with and without distillation from the same seed, and the plain one's MI terms. */
    private static Pair pair(Sweep sweep, Probe probe, Fit.Distillation kd, long seed, NDManager scope) {
        String metric = sweep.metric();
        double plain;
        double[] mi;
        try (NDManager m = scope.newSubManager()) {
            Fit.Trained p = Fit.train("student-plain", sweep.studentBlock(), sweep.studentData(), 1.0, null,
                    sweep.session().in(m), seed);
            plain = p.metrics().get(metric);
            mi = probe.of(representation(sweep, p.network(), sweep.student(), "s", m));
        }
        try (NDManager m = scope.newSubManager()) {
            double distilled = Fit.train("student-kd", sweep.studentBlock(), sweep.studentData(),
                    sweep.ctx().param(CrossModalKd.CE_WEIGHT), kd, sweep.session().in(m), seed).metrics().get(metric);
            return new Pair(plain, distilled, mi[0], mi[1]);
        }
    }

    /** The level's figures: means over the pairs, the gain and gap intervals. */
    private static Level summary(double sigma, double teacherMetric, List<Pair> pairs, Target y) {
        ToDoubleFunction<Pair> gain = y.classification() ? p -> p.distilled() - p.plain()
                : p -> p.plain() - p.distilled();
        return new Level(sigma, CchReport.mean(pairs, Pair::its), CchReport.mean(pairs, Pair::isy), teacherMetric,
                CchReport.mean(pairs, Pair::plain), CchReport.mean(pairs, Pair::distilled),
                MeanInterval.of(each(pairs, gain)),
                MeanInterval.of(each(pairs, p -> p.its() - p.isy())));
    }

    /** {@code value} of each pair. */
    private static double[] each(List<Pair> pairs, ToDoubleFunction<Pair> value) {
        return pairs.stream().mapToDouble(value).toArray();
    }
}
