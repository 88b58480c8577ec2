package org.milab.plugins.classic.auto;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.milab.api.Citation;
import org.milab.api.Configured;
import org.milab.api.ExtensionInfo;
import org.milab.api.InvalidDataException;
import org.milab.api.RunContext;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimate;
import org.milab.api.estimate.Estimator;
import org.milab.api.param.ComponentSpec;
import org.milab.api.param.Parameter;
import org.milab.plugins.classic.common.DataChecks;
import org.pf4j.Extension;

/**
 * Chooses an MI estimator and its preprocessing from the data, and says what it chose and why (in the estimate's
 * notes and diagnostics).
 *
 * <p>Every column is profiled ({@link ColumnProfile}): discrete (few levels, many rows per level) or continuous,
 * and how heavy its tails are. Then:
 * <ul>
 *   <li>every column discrete: the plug-in estimator ({@code discrete});</li>
 *   <li>one side all discrete, the other all continuous: Ross's estimator ({@code labels}, default
 *       {@code ross-mixed}, told which side holds the labels) on the normal scores of the continuous side;</li>
 *   <li>discrete and continuous columns mixed within a side: Gao et al.'s estimator ({@code mixed}, default
 *       {@code gao-mixed});</li>
 *   <li>every column continuous: both the nonparametric estimator ({@code continuous}, default {@code ksg}) and the
 *       bias-corrected Gaussian-copula estimator (the closed form {@code gaussian} minus
 *       {@link GaussianCopulaBias}) on the normal scores ({@link NormalScores}), and the larger of the two:
 *       <pre>  Î = max( Î<sub>kNN</sub>(Z<sub>x</sub>, Z<sub>y</sub>),
 *                Î<sub>copula</sub>(Z<sub>x</sub>, Z<sub>y</sub>) − b(n, d<sub>x</sub>, d<sub>y</sub>) )</pre>
 *       The normal scores are MI-invariant and remove what breaks neighbour estimators on heavy-tailed or
 *       bounded margins; each of the two estimates fails low, in complementary ways: the Gaussian copula misses
 *       dependence that is not linear in the normal scores (it is a lower bound of I for one-dimensional x and y,
 *       Ince et al. 2017), and k-NN estimates shrink towards zero as dimension and MI grow (Kraskov et al. 2004,
 *       Czyż et al. 2023).</li>
 * </ul>
 *
 * <p>Assumptions and bias: those of the estimator chosen; the maximum of two estimates is biased upwards by about
 * their noise when they agree, which is small next to the errors it avoids. Cost: that of the chosen estimator
 * plus O(n log n) per column for the profile and the normal scores, and O(n d²) for the Gaussian copula.
 *
 * <p>References: R. A. A. Ince et al., A statistical framework for neuroimaging data analysis based on mutual
 * information estimated via a Gaussian copula, Human Brain Mapping 38 (2017); A. Kraskov, H. Stögbauer,
 * P. Grassberger, Estimating mutual information, Phys. Rev. E 69 (2004); P. Czyż, F. Grabowski, J. E. Vogt,
 * N. Beerenwinkel, A. Marx, Beyond normal: on the evaluation of mutual information estimators, NeurIPS 2023.
 */
@Extension
@Citation(authors = "Ince, R. A. A., Giordano, B. L., Kayser, C., Rousselet, G. A., Gross, J., Schyns, P. G.",
        year = 2017, title = "A statistical framework for neuroimaging data analysis based on mutual information "
        + "estimated via a gaussian copula", venue = "Human Brain Mapping 38(3), 1541-1573", doi = "10.1002/hbm.23471")
@Citation(authors = "Czyż, P., Grabowski, F., Vogt, J. E., Beerenwinkel, N., Marx, A.", year = 2023,
        title = "Beyond Normal: On the Evaluation of Mutual Information Estimators", venue = "NeurIPS",
        arxiv = "2306.11078")
public final class AutoMi implements Estimator {

    static final Parameter<ComponentSpec> CONTINUOUS = Parameter.component("continuous", Estimator.class)
            .defaultValue(ComponentSpec.parse("ksg")).description("nonparametric estimator for continuous data, run "
                    + "on the normal scores").build();
    static final Parameter<ComponentSpec> GAUSSIAN = Parameter.component("copula", Estimator.class)
            .defaultValue(ComponentSpec.parse("gaussian")).description("Gaussian closed form, run on the normal "
                    + "scores (its Wishart bias is subtracted)").build();
    static final Parameter<ComponentSpec> LABELS = Parameter.component("labels", Estimator.class)
            .defaultValue(ComponentSpec.parse("ross-mixed")).description("estimator for discrete labels against "
                    + "continuous features (given discrete = x or y)").build();
    static final Parameter<ComponentSpec> MIXED = Parameter.component("mixed", Estimator.class)
            .defaultValue(ComponentSpec.parse("gao-mixed")).description("estimator for sides mixing discrete and "
                    + "continuous columns").build();
    static final Parameter<ComponentSpec> DISCRETE = Parameter.component("discrete", Estimator.class)
            .defaultValue(ComponentSpec.parse("discrete")).description("estimator when every column is discrete")
            .build();

    private static final ExtensionInfo INFO = ExtensionInfo.of("auto", "Chooses an MI estimator and its "
            + "preprocessing from the data (discrete or continuous columns, heavy tails, dimension) and reports why.",
            CONTINUOUS, GAUSSIAN, LABELS, MIXED, DISCRETE);

    @Override
    public ExtensionInfo info() {
        return INFO;
    }

    @Override
    public Estimate estimate(Samples x, Samples y, RunContext ctx) {
        DataChecks.requirePaired(x, "x", y, "y");
        DataChecks.requireFinite(x, "x");
        DataChecks.requireFinite(y, "y");
        DataChecks.requireRows(x, "x", 8, "8 rows to profile the columns");
        List<ColumnProfile> px = profile(x);
        List<ColumnProfile> py = profile(y);
        Estimate e = byColumnKinds(x, y, px, py, ctx);
        String heavy = heavyTails(px, py);
        e = e.withDiagnostic("discrete-columns", count(px, py, true))
                .withDiagnostic("heavy-tailed-columns", px.stream().filter(ColumnProfile::heavyTailed).count()
                        + py.stream().filter(ColumnProfile::heavyTailed).count());
        return heavy.isEmpty() ? e : e.withNote("heavy tails in " + heavy + " (a Gaussian's tail ratio is 3.4): "
                + "removed by the normal scores, which leave the MI unchanged");
    }

    /** The estimate the column kinds call for: all discrete, labels against features, mixed, or all continuous. */
    private static Estimate byColumnKinds(Samples x, Samples y, List<ColumnProfile> px, List<ColumnProfile> py,
                                          RunContext ctx) {
        if (all(px, true) && all(py, true)) {
            return run(ctx, ctx.param(DISCRETE), x, y).withNote("every column is discrete ("
                    + describe(px, py, true) + "): the plug-in estimator on the joint symbols");
        } else if (all(px, true) && all(py, false) || all(px, false) && all(py, true)) {
            return labels(x, y, px, py, ctx);
        } else if (any(px, true) || any(py, true)) {
            return run(ctx, ctx.param(MIXED), NormalScores.of(x, px), NormalScores.of(y, py))
                    .withNote("discrete and continuous columns are mixed within a side (discrete: "
                            + describe(px, py, true) + "): " + ctx.param(MIXED).name() + " on the normal scores "
                            + "of the continuous columns");
        }
        return continuous(x, y, NormalScores.of(x, px), NormalScores.of(y, py), ctx);
    }

    /** One side holds labels, the other continuous features. */
    private static Estimate labels(Samples x, Samples y, List<ColumnProfile> px, List<ColumnProfile> py,
                                   RunContext ctx) {
        boolean labelsInX = all(px, true);
        ComponentSpec spec = ctx.param(LABELS).withDefault("discrete", labelsInX ? "x" : "y");
        Samples features = labelsInX ? NormalScores.of(y, py) : NormalScores.of(x, px);
        Estimate e = labelsInX ? run(ctx, spec, x, features) : run(ctx, spec, features, y);
        return e.withNote((labelsInX ? "x" : "y") + " is discrete (" + describe(px, py, true) + ") and "
                + (labelsInX ? "y" : "x") + " continuous: " + spec.name() + " with the labels in "
                + (labelsInX ? "x" : "y") + ", on the normal scores of the continuous side");
    }

    /**
     * Every column continuous: the larger of the k-NN estimate and the copula estimate (a t copula when its
     * likelihood beats the Gaussian copula's by more than {@value #T_COPULA_MARGIN}, else the Gaussian copula),
     * both on the normal scores, the copula one less the Wishart bias.
     */
    private static Estimate continuous(Samples x, Samples y, Samples zx, Samples zy, RunContext ctx) {
        Estimate knn = run(ctx, ctx.param(CONTINUOUS), zx, zy);
        String knnName = ctx.param(CONTINUOUS).name();
        double bias = GaussianCopulaBias.of(zx.rows(), zx.cols(), zy.cols());
        Copula copula;
        try {
            copula = copula(x, y, zx, zy, ctx).minus(bias);
        } catch (InvalidDataException | IllegalArgumentException | IllegalStateException
                 | ArithmeticException singular) {
            return knn.withNote("every column is continuous: " + knnName + " on the normal scores (no copula "
                    + "estimate: " + singular.getMessage() + ")");
        }
        return larger(knn, knnName, copula, bias, zx, zy);
    }

    /** The larger of the k-NN and the bias-corrected copula estimates on the normal scores, with why. */
    private static Estimate larger(Estimate knn, String knnName, Copula copula, double bias, Samples zx, Samples zy) {
        int n = zx.rows();
        boolean copulaWins = copula.nats() > knn.nats();
        Estimate chosen = copulaWins ? Estimate.of(copula.nats(), n) : knn;
        String why = String.format(Locale.ROOT, "every column is continuous (%d + %d dimensions, n = %d): %s on the "
                + "normal scores gives %.4f, the %s %.4f (Wishart bias %.4f removed); both err low, so the larger is "
                + "kept: %s", zx.cols(), zy.cols(), n, knnName, knn.nats(), copula.label(), copula.nats(), bias,
                copulaWins ? "the copula (k-NN shrinks towards 0 as dimension and MI grow)" : knnName
                        + " (dependence the copula model misses)");
        chosen = chosen.withNote(why).withDiagnostic("knn-nats", knn.nats()).withDiagnostic("copula-nats",
                copula.nats()).withDiagnostic("copula-bias-nats", bias);
        return Double.isFinite(copula.nu()) ? chosen.withDiagnostic("copula-dof", copula.nu()) : chosen;
    }

    /** Log-likelihood gain a t copula needs over the Gaussian one (its one extra parameter, chi-square 5% / 2). */
    static final double T_COPULA_MARGIN = 1.92;

    /** A copula MI estimate with its label and degrees of freedom (infinite for the Gaussian copula). */
    private record Copula(double nats, double nu, String label) {
        Copula minus(double bias) {
            return new Copula(nats - bias, nu, label);
        }
    }

    private static Copula copula(Samples x, Samples y, Samples zx, Samples zy, RunContext ctx) {
        double gaussian = run(ctx, ctx.param(GAUSSIAN), zx, zy).nats();
        TCopula.Fit t = TCopula.fit(columnRanks(x, y), x.cols());
        if (t.logLikelihood() - t.gaussianLogLikelihood() > T_COPULA_MARGIN) {
            return new Copula(t.mi(), t.nu(), String.format(Locale.ROOT, "t copula (nu = %s, fitted to the ranks, "
                    + "log-likelihood %.1f above the Gaussian copula's)", TCopula.format(t.nu()),
                    t.logLikelihood() - t.gaussianLogLikelihood()));
        }
        return new Copula(gaussian, Double.POSITIVE_INFINITY, "bias-corrected Gaussian copula");
    }

    /** The ranks of every column of x, then of every column of y. */
    private static double[][] columnRanks(Samples x, Samples y) {
        double[][] ranks = new double[x.cols() + y.cols()][];
        for (int c = 0; c < x.cols(); c++) {
            ranks[c] = NormalScores.ranks(x.column(c));
        }
        for (int c = 0; c < y.cols(); c++) {
            ranks[x.cols() + c] = NormalScores.ranks(y.column(c));
        }
        return ranks;
    }

    private static Estimate run(RunContext ctx, ComponentSpec spec, Samples x,
                                Samples y) {
        Configured<Estimator> c = ctx.component(Estimator.class, spec);
        return c.extension().estimate(x, y, c.context());
    }

    private static List<ColumnProfile> profile(Samples s) {
        List<ColumnProfile> out = new ArrayList<>();
        for (int c = 0; c < s.cols(); c++) {
            out.add(ColumnProfile.of(s.columnNames().get(c), s.column(c)));
        }
        return out;
    }

    private static boolean all(List<ColumnProfile> p, boolean discrete) {
        return p.stream().allMatch(c -> c.discrete() == discrete);
    }

    private static boolean any(List<ColumnProfile> p, boolean discrete) {
        return p.stream().anyMatch(c -> c.discrete() == discrete);
    }

    private static long count(List<ColumnProfile> px, List<ColumnProfile> py, boolean discrete) {
        return px.stream().filter(c -> c.discrete() == discrete).count()
                + py.stream().filter(c -> c.discrete() == discrete).count();
    }

    private static String describe(List<ColumnProfile> px, List<ColumnProfile> py, boolean discrete) {
        List<ColumnProfile> all = new ArrayList<>(px);
        all.addAll(py);
        return all.stream().filter(c -> c.discrete() == discrete).limit(6).map(ColumnProfile::describe)
                .collect(Collectors.joining(", ")) + (count(px, py, discrete) > 6 ? ", ..." : "");
    }

    private static String heavyTails(List<ColumnProfile> px, List<ColumnProfile> py) {
        List<ColumnProfile> all = new ArrayList<>(px);
        all.addAll(py);
        List<ColumnProfile> heavy = all.stream().filter(ColumnProfile::heavyTailed).toList();
        return heavy.stream().limit(6).map(ColumnProfile::describe).collect(Collectors.joining(", "))
                + (heavy.size() > 6 ? " and " + (heavy.size() - 6) + " more" : "");
    }
}
