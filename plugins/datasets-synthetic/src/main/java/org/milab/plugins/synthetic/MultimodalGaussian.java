package org.milab.plugins.synthetic;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.data.Dataset;
import org.milab.api.data.DatasetProvider;
import org.milab.api.data.Samples;
import org.milab.api.param.Parameter;
import org.milab.api.param.ParameterValues;
import org.pf4j.Extension;

/**
 * Multimodal linear-Gaussian data for cross-modal distillation: M modality views built from shared and
 * modality-specific latent factors, a regression target and a binary label, with every MI between them known.
 *
 * <p>Model (all latents i.i.d. N(0,1)): shared s in R^ds, specific p_m in R^dp for each modality m,
 * x_m = [s ; p_m] + noise * e_m, y = (1/sqrt ds) sum_j s_j + w sum_m p_m,0 + target-noise * e_y, label = 1[y > 0].
 * The views are jointly Gaussian with covariance A A^T (A the latent-to-observed matrix), so
 * I(x_a; x_b) and I(x_m; y) are closed forms, 1/2 ln(det S_a det S_b / det S_ab). For the label,
 * I(x_m; label) = ln 2 - E_u[h(Phi(r u / sqrt(1 - r^2)))] with r^2 = 1 - exp(-2 I(x_m; y)) and u ~ N(0,1) — a
 * one-dimensional integral done by Simpson quadrature (estimated error below 1e-10 nats); I(y; label) = H(label) =
 * ln 2. The weight w controls modality-specific decisive information: with w = 0 only the shared factors matter.
 *
 * <p>Cost: O(n L D) with L latents and D observed coordinates; the views in memory.
 */
@Extension
@Citation(authors = "Xue, Z., Gao, Z., Ren, S., Zhao, H.", year = 2023,
        title = "The Modality Focusing Hypothesis: Towards Understanding Crossmodal Knowledge Distillation",
        venue = "ICLR 2023", arxiv = "2206.06487")
public final class MultimodalGaussian implements DatasetProvider {

    static final Parameter<Integer> N = SizeParameters.N;
    static final Parameter<Integer> MODALITIES = Parameter.integer("modalities").defaultValue(2).range(2, 16)
            .description("number of modality views x1, x2, ...").build();
    static final Parameter<Integer> SHARED_DIM = Parameter.integer("shared-dim").defaultValue(2).min(1)
            .description("number of latent factors shared by all modalities").build();
    static final Parameter<Integer> SPECIFIC_DIM = Parameter.integer("specific-dim").defaultValue(2).min(0)
            .description("number of latent factors specific to each modality").build();
    static final Parameter<Double> NOISE = Parameter.real("noise").defaultValue(0.5).min(1e-6)
            .description("standard deviation of the observation noise of each view").build();
    static final Parameter<Double> TARGET_NOISE = Parameter.real("target-noise").defaultValue(0.5).min(1e-6)
            .description("standard deviation of the noise on the target y").build();
    static final Parameter<Double> SPECIFIC_WEIGHT = Parameter.real("specific-weight").defaultValue(0.0)
            .description("weight of each modality's first specific factor in y (0: only shared factors decide)").build();

    private static final String CLOSED_FORM = "closed form: 1/2 ln(det S_a det S_b / det S_ab)";

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("multimodal-gaussian",
                "Modality views from shared and specific Gaussian latents, a target y and a label; all MI known.",
                N, MODALITIES, SHARED_DIM, SPECIFIC_DIM, NOISE, TARGET_NOISE, SPECIFIC_WEIGHT);
    }

    @Override
    public Set<String> declaredViews(ParameterValues parameters) {
        Set<String> views = new LinkedHashSet<>();
        for (int m = 1; m <= parameters.get(MODALITIES); m++) {
            views.add("x" + m);
        }
        views.add("y");
        views.add("label");
        return views;
    }

    @Override
    public Dataset load(RunContext ctx) {
        Model model = Model.of(ctx.param(MODALITIES), ctx.param(SHARED_DIM), ctx.param(SPECIFIC_DIM),
                ctx.param(NOISE), ctx.param(TARGET_NOISE), ctx.param(SPECIFIC_WEIGHT));
        int n = ctx.param(N);
        double[][] obs = model.sample(n, ctx.splittableRandom());
        Dataset.Builder b = Dataset.builder("multimodal-gaussian");
        addViews(b, model, obs, n);
        double[][] cov = model.covariance();
        for (int a = 0; a < model.modalities; a++) {
            addViewPairTruths(b, model, cov, a);
            addTargetTruths(b, model, cov, a);
        }
        b.groundTruth("y", "label", Math.log(2), "closed form: H(label) = ln 2, label = 1[y > 0]");
        return b.build();
    }

    /** Views x1 ... xM, y and label = 1[y > 0] of the {@code n} observations. */
    private static void addViews(Dataset.Builder b, Model model, double[][] obs, int n) {
        int m = model.modalities;
        int dv = model.viewDim();
        for (int v = 0; v < m; v++) {
            b.view("x" + (v + 1), Samples.wrap(n, dv, obs[v], Samples.names("x" + (v + 1) + "-", dv)));
        }
        double[] label = new double[n];
        for (int i = 0; i < n; i++) {
            label[i] = obs[m][i] > 0 ? 1 : 0;
        }
        b.view("y", Samples.wrap(n, 1, obs[m], List.of("y")));
        b.view("label", Samples.wrap(n, 1, label, List.of("label")));
    }

    /** The closed-form MI between view {@code a} and every later view. */
    private static void addViewPairTruths(Dataset.Builder b, Model model, double[][] cov, int a) {
        for (int c = a + 1; c < model.modalities; c++) {
            b.groundTruth("x" + (a + 1), "x" + (c + 1),
                    Gaussian.mutualInformation(cov, model.view(a), model.view(c)), CLOSED_FORM);
        }
    }

    /** The MI between view {@code a} and y (closed form), and between view {@code a} and the label (quadrature). */
    private static void addTargetTruths(Dataset.Builder b, Model model, double[][] cov, int a) {
        double miY = Gaussian.mutualInformation(cov, model.view(a), new int[] {model.target()});
        b.groundTruth("x" + (a + 1), "y", miY, CLOSED_FORM);
        Quadrature.Result lab = labelInformation(miY);
        b.groundTruth("x" + (a + 1), "label", lab.value(), String.format(Locale.ROOT,
                "Simpson quadrature of ln 2 - E[h(P(label|x))], estimated error %.1e nats", lab.error() + 1e-15));
    }

    /**
     * I(x; 1[y > 0]) for jointly Gaussian (x, y) with I(x; y) = {@code gaussianMi}: only the squared canonical
     * correlation r^2 = 1 - exp(-2 gaussianMi) of the best linear predictor matters.
     */
    static Quadrature.Result labelInformation(double gaussianMi) {
        double r2 = -Math.expm1(-2 * gaussianMi);
        if (r2 >= 1) {
            return new Quadrature.Result(Math.log(2), 0);
        }
        double slope = Math.sqrt(r2 / (1 - r2));
        Quadrature.Result expected = Quadrature.simpson(u -> {
            double p = Diffeomorphism.normalCdf(slope * u);
            double q = Diffeomorphism.normalCdf(-slope * u);
            double h = (p > 0 ? -p * Math.log(p) : 0) + (q > 0 ? -q * Math.log(q) : 0);
            return h * Math.exp(-0.5 * u * u) / Math.sqrt(2 * Math.PI);
        }, -12, 12, 1e-11);
        return new Quadrature.Result(Math.log(2) - expected.value(), expected.error());
    }

    /** The latent-to-observed linear map; observed order: view 1, ..., view M, then y. */
    static final class Model {
        final int modalities;
        final int shared;
        final int specific;
        final double[][] a;

        private Model(int modalities, int shared, int specific, double[][] a) {
            this.modalities = modalities;
            this.shared = shared;
            this.specific = specific;
            this.a = a;
        }

        static Model of(int m, int ds, int dp, double noise, double targetNoise, double w) {
            int dv = ds + dp;
            int latents = ds + m * dp + m * dv + 1;
            double[][] a = new double[m * dv + 1][latents];
            for (int v = 0; v < m; v++) {
                setViewRows(a, v, m, ds, dp, noise);
            }
            setTargetRow(a[m * dv], m, ds, dp, w, targetNoise);
            return new Model(m, ds, dp, a);
        }

        /** View {@code v}'s rows: each coordinate is a shared or specific latent plus its own noise latent. */
        private static void setViewRows(double[][] a, int v, int m, int ds, int dp, double noise) {
            int dv = ds + dp;
            for (int j = 0; j < dv; j++) {
                int row = v * dv + j;
                a[row][j < ds ? j : ds + v * dp + (j - ds)] = 1;
                a[row][ds + m * dp + v * dv + j] = noise;
            }
        }

        /** y's row: the mean of the shared latents, weight {@code w} on each view's first specific latent, noise. */
        private static void setTargetRow(double[] y, int m, int ds, int dp, double w, double targetNoise) {
            for (int j = 0; j < ds; j++) {
                y[j] = 1 / Math.sqrt(ds);
            }
            for (int v = 0; v < m && dp > 0; v++) {
                y[ds + v * dp] = w;
            }
            y[y.length - 1] = targetNoise;
        }

        int viewDim() {
            return shared + specific;
        }

        int[] view(int v) {
            return Gaussian.range(v * viewDim(), (v + 1) * viewDim());
        }

        int target() {
            return modalities * viewDim();
        }

        double[][] covariance() {
            int d = a.length;
            double[][] s = new double[d][d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double sum = 0;
                    for (int k = 0; k < a[i].length; k++) {
                        sum += a[i][k] * a[j][k];
                    }
                    s[i][j] = sum;
                }
            }
            return s;
        }

        /** Row-major arrays: one per view (n x viewDim), then y (n). */
        double[][] sample(int n, RandomGenerator rng) {
            int dv = viewDim();
            double[][] out = new double[modalities + 1][];
            for (int v = 0; v < modalities; v++) {
                out[v] = new double[n * dv];
            }
            out[modalities] = new double[n];
            double[] z = new double[a[0].length];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < z.length; k++) {
                    z[k] = rng.nextGaussian();
                }
                observe(z, out, i);
            }
            return out;
        }

        /** Writes observation {@code i} = A z into the view arrays and y. */
        private void observe(double[] z, double[][] out, int i) {
            int dv = viewDim();
            for (int row = 0; row < a.length; row++) {
                double sum = 0;
                for (int k = 0; k < z.length; k++) {
                    sum += a[row][k] * z[k];
                }
                if (row < modalities * dv) {
                    out[row / dv][i * dv + row % dv] = sum;
                } else {
                    out[modalities][i] = sum;
                }
            }
        }
    }
}
