package org.milab.plugins.kd;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.milab.api.Citation;
import org.milab.api.ConfigurationException;
import org.milab.api.ExtensionInfo;
import org.milab.api.Inputs;
import org.milab.api.Port;
import org.milab.api.RunContext;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimator;
import org.milab.api.model.ModelFactory;
import org.milab.api.param.ComponentSpec;
import org.milab.api.param.Parameter;
import org.milab.api.train.TrainingResult;
import org.milab.api.train.TrainingStrategy;
import org.pf4j.Extension;

/**
 * Balanced multimodal learning via mutual information, after Xie and Sanguinetti (2025), for two modalities: the
 * weaker modality is first distilled from the stronger one, then a fusion model's fused and unimodal heads are
 * trained together with unimodal loss weights recalibrated from validation performance and the inter-modal MI.
 *
 * <p>Stage 1a: one unimodal model ({@code unimodal-model}) per view, trained as {@code supervised} would for
 * {@code pretrain-epochs}; the view whose model has the lower validation cross-entropy (training rows when there
 * is no validation split) is the stronger, s, the other the weaker, w. Stage 1b: the weak branch (encoder and
 * unimodal head w) of the fusion model ({@code model}, e.g. {@code concat-fusion}) is pretrained for
 * {@code pretrain-epochs} on {@code ce-weight * CE + kd-weight * D(teacher_s, branch_w)} with any distillation loss
 * ({@link BranchDistillation}). Stage 2: {@code epochs} of {@code CE(fused) + sum_m w_m CE(logits_m)}
 * ({@link BalancedFit}) with the weighting rule of {@link BalancedWeights}, applied before the first epoch and after
 * every epoch:
 *
 * <pre>  w_m = lambda * ((1 - rho) * L_m / Lbar + rho),   rho = 1 - exp(-2 max(I, 0))</pre>
 *
 * <p>with L_m the validation cross-entropy of unimodal head m, Lbar the mean over modalities, I the
 * {@code estimator}'s estimate of I(embedding1; embedding2) (nats) and lambda = {@code unimodal-weight}. The weaker
 * modality's head is weighted up in proportion to its relative loss; the more the modalities share, the closer the
 * weights stay to lambda. This rule is ours: it follows the paper's idea (recalibrate from performance and
 * inter-modal MI), not its exact formula. Known limitation: the MI of two learnt embeddings is estimated with the
 * chosen estimator's bias (kNN estimators underestimate in high dimension), which pulls rho down and the weights
 * towards the pure loss ratio.
 *
 * <p>Result: models {@code model} (the fusion model) and {@code teacher} (the stronger unimodal model); metrics
 * {@code test-accuracy}, {@code test-loss} (fused), {@code test-accuracy-<view>} (unimodal heads),
 * {@code unimodal-test-accuracy-<view>} (stage-1 models), {@code weight-<view>}, {@code mi}, {@code weaker-view}
 * (1-based index) and {@code epochs}; test-row representations {@code output}, {@code penultimate} and
 * {@code target}. Cost: two unimodal fits and the pretraining ({@code pretrain-epochs} each), then {@code epochs} of
 * the fusion model, each epoch with one MI estimate on {@code mi-rows} rows.
 */
@Extension
@Citation(authors = "Xie, R., Sanguinetti, G.", year = 2025,
        title = "Balanced Multimodal Learning via Mutual Information", venue = "arXiv", arxiv = "2511.00987")
public final class BalancedMultimodal implements TrainingStrategy {

    static final Parameter<ComponentSpec> MODEL = Parameter.component("model", ModelFactory.class)
            .defaultValue(ComponentSpec.parse("concat-fusion"))
            .description("the fusion model exposing logits1, logits2, embedding1, embedding2, e.g. concat-fusion or "
                    + "late-fusion(encoder=mlp(hidden=[32]))").build();
    static final Parameter<ComponentSpec> UNIMODAL_MODEL = Parameter.component("unimodal-model", ModelFactory.class)
            .defaultValue(ComponentSpec.parse("mlp(hidden=[32])"))
            .description("the stage-1 model of each view; the stronger one is the distillation teacher").build();
    static final Parameter<ComponentSpec> ESTIMATOR = Parameter.component("estimator", Estimator.class)
            .defaultValue(ComponentSpec.parse("ksg(k=5)"))
            .description("estimator of the MI between the two modality embeddings").build();
    static final Parameter<Double> UNIMODAL_WEIGHT = Parameter.real("unimodal-weight").defaultValue(1.0).min(0)
            .description("lambda: the mean weight of the unimodal heads' losses (the fused head's is 1)").build();
    static final Parameter<Integer> PRETRAIN_EPOCHS = Parameter.integer("pretrain-epochs").defaultValue(10).min(1)
            .unit("epochs").description("epochs of each stage-1 fit (unimodal models, distillation)").build();
    static final Parameter<Integer> MI_ROWS = Parameter.integer("mi-rows").defaultValue(500).min(10)
            .description("training rows on which the inter-modal MI is estimated at each recalibration").build();

    @Override
    public ExtensionInfo info() {
        return Settings.info("balanced-multimodal", "Distils the weaker modality from the stronger, then trains "
                        + "fused and unimodal heads with MI- and performance-recalibrated weights.", Views.VIEWS,
                Views.NOISE, Supervised.TARGET, MODEL, UNIMODAL_MODEL, ESTIMATOR, UNIMODAL_WEIGHT, PRETRAIN_EPOCHS,
                MI_ROWS, CrossModalKd.LOSS, CrossModalKd.KD_WEIGHT, KdSchedule.PARAMETER, CrossModalKd.CE_WEIGHT,
                CrossModalKd.TEACHER_FEATURE);
    }

    @Override
    public List<Port> inputs() {
        return List.of(Prepared.port("both modality views and the label"));
    }

    @Override
    public TrainingResult train(Inputs inputs, RunContext ctx) {
        Prepared data = Prepared.of(inputs, Task.CLASSIFICATION, ctx);
        Views views = twoViews(data, ctx);
        Session session = session(ctx, data.split());
        Session pretraining = session.with(session.settings().withEpochs(ctx.param(PRETRAIN_EPOCHS)));
        SplittableRandom seeds = new SplittableRandom(ctx.seed());
        Map<String, Double> metrics = new LinkedHashMap<>();
        Unimodal stage1 = trainUnimodal(views, data, pretraining, seeds, metrics);
        Fit.Data joined = new Fit.Data(views.joined(), data.target(), data.split(), ctx.param(Settings.LABELLED));
        Network net = fusionNetwork(views, joined, session, seeds.nextLong());
        distilWeakBranch(net, joined, stage1, views, pretraining, seeds);
        Trainer.Log log = trainBalanced(net, views, joined, session, seeds.nextLong(), metrics);
        metrics.put("weaker-view", (double) (stage1.weak() + 1));
        metrics.put("epochs", (double) log.epochs());
        return new TrainingResult(Map.of("model", net.block(), "teacher", stage1.teacher().block()), metrics,
                representations(net, joined, data, ctx));
    }

    private static Views twoViews(Prepared data, RunContext ctx) {
        Views views = Views.of(data, ctx);
        if (views.names().size() != 2) {
            throw new ConfigurationException("parameter 'views'", "balanced-multimodal takes exactly two views, got "
                    + views.names());
        }
        return views;
    }

    /** The session of the whole call: three pretraining fits (two unimodal, the distillation) and stage 2. */
    private static Session session(RunContext ctx, Split split) {
        Settings s = Settings.of(ctx);
        Settings pre = s.withEpochs(ctx.param(PRETRAIN_EPOCHS));
        return Session.of(ctx, s, Trainer.steps(split.train().length, s) * (3L * pre.epochs() + s.epochs()));
    }

    /** The fusion model ({@code model}), initialised with {@code seed}. */
    private static Network fusionNetwork(Views views, Fit.Data joined, Session session, long seed) {
        RunContext ctx = session.ctx();
        int batch = session.settings().batch();
        int cols = joined.x().cols();
        Block block = Components.model(ctx, ctx.param(MODEL), batch, cols, views.modelDefaults(joined.y().outputs()));
        return Network.initialise(block, new Shape(batch, cols), session.model(), seed);
    }

    /** Stage 1b: distils the stronger unimodal model into the fusion model's weak branch. */
    private static void distilWeakBranch(Network net, Fit.Data joined, Unimodal stage1, Views views, Session session,
                                         SplittableRandom seeds) {
        RunContext ctx = session.ctx();
        Fit.Distillation kd = CrossModalKd.distillation(ctx, stage1.teacher(), views.each().get(stage1.strong()),
                session.model(), "embedding" + (stage1.weak() + 1));
        BranchDistillation.train(net, joined, stage1.weak(), ctx.param(CrossModalKd.CE_WEIGHT), kd, session,
                seeds.nextLong());
    }

    /** Stage 2: the fused and unimodal heads with recalibrated weights; puts the test metrics into {@code metrics}. */
    private static Trainer.Log trainBalanced(Network net, Views views, Fit.Data joined, Session session, long seed,
                                             Map<String, Double> metrics) {
        RunContext ctx = session.ctx();
        Split split = joined.split();
        BalancedFit.Rule rule = new BalancedFit.Rule(Components.estimator(ctx, ctx.param(ESTIMATOR)),
                ctx.param(UNIMODAL_WEIGHT), Arrays.copyOf(split.train(), Math.min(split.train().length,
                ctx.param(MI_ROWS))));
        BalancedFit fit = new BalancedFit(net, views, joined.y(), split, rule, ctx, session.model());
        Trainer.Log log = fit.train(split, joined.mask(), session, seed);
        metrics.putAll(testMetrics(net, fit, joined, views, session.model()));
        return log;
    }

    /** The test rows' representations of the fusion model and the target. */
    private static Map<String, Samples> representations(Network net, Fit.Data joined, Prepared data,
                                                        RunContext ctx) {
        Map<String, Samples> reps = new LinkedHashMap<>(net.representations(joined.x(), joined.split().test(), "",
                ctx.runManager()));
        reps.put("target", data.testTarget(ctx.param(Supervised.TARGET)));
        return reps;
    }

    /**
     * Stage 1's unimodal models.
     *
     * @param networks the model of each view
     * @param weak     the view whose model has the larger validation loss
     */
    private record Unimodal(Network[] networks, int weak) {

        int strong() {
            return 1 - weak;
        }

        Network teacher() {
            return networks[strong()];
        }
    }

    /** Trains one model per view and judges them on the validation rows (the training rows when there are none). */
    private static Unimodal trainUnimodal(Views views, Prepared data, Session session, SplittableRandom seeds,
                                          Map<String, Double> metrics) {
        Split split = data.split();
        Network[] unimodal = new Network[2];
        double[] strength = new double[2];
        int[] judge = split.validation().length > 0 ? split.validation() : split.train();
        for (int m = 0; m < 2; m++) {
            Rows v = views.each().get(m);
            Fit.Trained t = fitUnimodal(views.names().get(m), v, data, session, seeds);
            unimodal[m] = t.network();
            strength[m] = Evaluation.of(t.network(), v, data.target(), judge, session.model()).loss();
            metrics.put("unimodal-test-accuracy-" + views.names().get(m), t.metrics().get("test-accuracy"));
        }
        return new Unimodal(unimodal, strength[1] > strength[0] ? 1 : 0);
    }

    /** One view's {@code unimodal-model}, trained as {@code supervised} would. */
    private static Fit.Trained fitUnimodal(String view, Rows v, Prepared data, Session session,
                                           SplittableRandom seeds) {
        RunContext ctx = session.ctx();
        Target y = data.target();
        Block b = Components.model(ctx, ctx.param(UNIMODAL_MODEL), session.settings().batch(), v.cols(), y.outputs());
        return Fit.train("unimodal-" + view, b, new Fit.Data(v, y, data.split(), ctx.param(Settings.LABELLED)), 1.0,
                null, session, seeds.nextLong());
    }

    /** The fused model's test metrics, each unimodal head's accuracy, the final weights and MI. */
    private static Map<String, Double> testMetrics(Network net, BalancedFit fit, Fit.Data joined, Views views,
                                                   NDManager keep) {
        int[] test = joined.split().test();
        Map<String, Double> metrics = new LinkedHashMap<>(Evaluation.of(net, joined.x(), joined.y(), test, keep)
                .metrics("test-"));
        for (int m = 0; m < 2; m++) {
            String view = views.names().get(m);
            metrics.put("test-accuracy-" + view, Evaluation.of(net, joined.x(), joined.y(), test, "logits" + (m + 1),
                    keep).accuracy());
            metrics.put("weight-" + view, fit.weights()[m]);
        }
        metrics.put("mi", fit.mi());
        return metrics;
    }
}
