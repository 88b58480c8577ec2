package org.milab.plugins.kd;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.milab.api.Citation;
import org.milab.api.ConfigurationException;
import org.milab.api.ExtensionInfo;
import org.milab.api.Inputs;
import org.milab.api.Port;
import org.milab.api.RunContext;
import org.milab.api.data.Samples;
import org.milab.api.model.ModelFactory;
import org.milab.api.param.ComponentSpec;
import org.milab.api.param.Parameter;
import org.milab.api.train.DistillationLoss;
import org.milab.api.train.TrainingResult;
import org.milab.api.train.TrainingStrategy;
import org.pf4j.Extension;

/**
 * Cross-modal knowledge distillation: a teacher reading one view (trained here, or wired in from an earlier node)
 * guides a student reading another view through any {@code DistillationLoss}.
 *
 * <p>Stage 1 (unless a teacher is wired): the teacher is trained on {@code teacher-view} as {@code supervised}
 * would, on every training row's label
 * ({@code labelled} limits the student only). Stage 2: the student minimises, per batch,
 * {@code ce-weight * CE(student, labels of the labelled rows) + kd-weight * D(teacher, student)} over every
 * training row (see {@link Fit}), kd-weight multiplied per stage of the epochs by {@code kd-schedule}
 * ({@link KdSchedule}); with {@code labelled} below the training size the distillation term also uses
 * rows whose labels the student never sees, the usual setting of cross-modal distillation with paired unlabelled
 * data. The student is initialised and its rows shuffled from the node seed exactly as {@code supervised} does, so
 * {@code kd-weight: 0} reproduces {@code supervised} on the student view with the same seed.
 *
 * <p>Result: models {@code teacher} and {@code student}; metrics {@code test-accuracy} / {@code test-loss} (the
 * student's) and {@code teacher-test-accuracy} / {@code teacher-test-loss}; test-row representations
 * {@code output}, {@code penultimate} (student), {@code teacher-output}, {@code teacher-penultimate} and
 * {@code target}. Cost: the teacher's training plus the student's, each epochs x rows passes.
 */
@Extension
@Citation(authors = "Gupta, S., Hoffman, J., Malik, J.", year = 2016, title = "Cross Modal Distillation for Supervision "
        + "Transfer", venue = "CVPR", arxiv = "1507.00448")
public final class CrossModalKd implements TrainingStrategy {

    static final Parameter<String> TEACHER_VIEW = Parameter.string("teacher-view").defaultValue("x1")
            .description("the view the teacher reads").build();
    static final Parameter<String> STUDENT_VIEW = Parameter.string("student-view").defaultValue("x2")
            .description("the view the student reads").build();
    static final Parameter<ComponentSpec> TEACHER_MODEL = Parameter.component("teacher-model", ModelFactory.class)
            .defaultValue(ComponentSpec.parse("mlp"))
            .description("the teacher's model when no teacher is wired, e.g. mlp(hidden=[64, 64])").build();
    static final Parameter<ComponentSpec> LOSS = Parameter.component("loss", DistillationLoss.class)
            .defaultValue(ComponentSpec.parse("hinton-kd"))
            .description("the distillation loss with its parameters, e.g. hinton-kd(temperature=4), fitnets, crd, vid")
            .build();
    static final Parameter<Double> KD_WEIGHT = Parameter.real("kd-weight").defaultValue(1.0).min(0)
            .description("weight of the distillation term").build();
    static final Parameter<Double> CE_WEIGHT = Parameter.real("ce-weight").defaultValue(1.0).min(0)
            .description("weight of the supervised term").build();
    static final Parameter<String> TEACHER_FEATURE = Parameter.string("teacher-feature").defaultValue("penultimate")
            .description("teacher representation feature-based losses read: output, penultimate or a layer name").build();
    static final Parameter<String> STUDENT_FEATURE = Parameter.string("student-feature").defaultValue("penultimate")
            .description("student representation feature-based losses read: output, penultimate or a layer name").build();

    @Override
    public ExtensionInfo info() {
        return Settings.info("cross-modal-kd", "Distils a teacher on one view into a student on another view "
                        + "through any distillation loss.", TEACHER_VIEW, STUDENT_VIEW, Supervised.TARGET,
                Supervised.TASK, TEACHER_MODEL, Supervised.MODEL, LOSS, KD_WEIGHT, KdSchedule.PARAMETER, CE_WEIGHT,
                TEACHER_FEATURE,
                STUDENT_FEATURE);
    }

    @Override
    public List<Port> inputs() {
        return List.of(Prepared.port("both views and the target"),
                Port.optional("teacher", TrainingResult.class, "a trained teacher (its model 'model', or 'student')"));
    }

    @Override
    public TrainingResult train(Inputs inputs, RunContext ctx) {
        Prepared data = Prepared.of(inputs, ctx.param(Supervised.TASK), ctx);
        Rows tx = data.view(ctx.param(TEACHER_VIEW));
        Rows sx = data.view(ctx.param(STUDENT_VIEW));
        NDManager keep = ctx.runManager();
        Optional<TrainingResult> wired = inputs.find("teacher", TrainingResult.class);
        Session session = Session.of(ctx, Settings.of(ctx), data.split(), wired.isPresent() ? 1 : 2);
        Network teacher = wired.isPresent() ? Network.wrap(wiredTeacher(wired.get()), keep)
                : trainTeacher(data, tx, session);
        Map<String, Double> metrics = new LinkedHashMap<>(Evaluation.of(teacher, tx, data.target(),
                data.split().test(), keep).metrics("teacher-test-"));
        Fit.Trained student = trainStudent(data, sx, distillation(ctx, teacher, tx, keep), session);
        metrics.putAll(student.metricsAndEpochs());
        return new TrainingResult(Map.of("teacher", teacher.block(), "student", student.network().block()), metrics,
                representations(student.network(), sx, teacher, tx, data, ctx));
    }

    /** Stage 1: the teacher trained on its view and every training row's label. */
    private static Network trainTeacher(Prepared data, Rows tx, Session session) {
        RunContext ctx = session.ctx();
        Block tb = Components.model(ctx, ctx.param(TEACHER_MODEL), session.settings().batch(), tx.cols(),
                data.target().outputs());
        return Fit.train("teacher", tb, new Fit.Data(tx, data.target(), data.split(), 0), 1.0, null, session,
                ~ctx.seed()).network();
    }

    /**
     * Stage 2: the student ({@code model}) trained on its view, the labelled rows and the distillation term.
     */
    private static Fit.Trained trainStudent(Prepared data, Rows sx, Fit.Distillation kd, Session session) {
        RunContext ctx = session.ctx();
        Block sb = Components.model(ctx, ctx.param(Supervised.MODEL), session.settings().batch(), sx.cols(),
                data.target().outputs());
        return Fit.train("student", sb, new Fit.Data(sx, data.target(), data.split(), ctx.param(Settings.LABELLED)),
                ctx.param(CE_WEIGHT), kd, session, ctx.seed());
    }

    /** The test rows' representations of the student, of the teacher ({@code teacher-} prefix) and the target. */
    private static Map<String, Samples> representations(Network student, Rows sx, Network teacher, Rows tx,
                                                        Prepared data, RunContext ctx) {
        int[] test = data.split().test();
        Map<String, Samples> reps = new LinkedHashMap<>(student.representations(sx, test, "", ctx.runManager()));
        reps.putAll(teacher.representations(tx, test, "teacher-", ctx.runManager()));
        reps.put("target", data.testTarget(ctx.param(Supervised.TARGET)));
        return reps;
    }

    /** The distillation term: the loss resolved by name and the teacher's outputs on every row. */
    static Fit.Distillation distillation(RunContext ctx, Network teacher, Rows tx, NDManager manager) {
        return distillation(ctx, teacher, tx, manager, ctx.param(STUDENT_FEATURE));
    }

    /** The same, distilling into the student representation {@code studentFeature}. */
    static Fit.Distillation distillation(RunContext ctx, Network teacher, Rows tx, NDManager manager,
                                         String studentFeature) {
        int[] all = new int[tx.rows()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        Rows out = teacher.infer(tx, all, Network.OUTPUT, "teacher", manager);
        Rows feature = teacher.infer(tx, all, ctx.param(TEACHER_FEATURE), TEACHER_FEATURE.name(), manager);
        return new Fit.Distillation(Components.loss(ctx, ctx.param(LOSS)), ctx.param(KD_WEIGHT), out,
                feature, studentFeature, KdSchedule.of(ctx.param(KdSchedule.PARAMETER)));
    }

    private static Block wiredTeacher(TrainingResult r) {
        for (String role : List.of("model", "student")) {
            Block b = r.models().get(role);
            if (b != null) {
                return b;
            }
        }
        throw new ConfigurationException("input 'teacher'", "the wired training result has models "
                + r.models().keySet() + "; a teacher is read from its 'model' or 'student'");
    }
}
