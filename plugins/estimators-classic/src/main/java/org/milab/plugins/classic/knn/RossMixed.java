package org.milab.plugins.classic.knn;

import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.InvalidDataException;
import org.milab.api.RunContext;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimate;
import org.milab.api.estimate.Estimator;
import org.milab.api.param.Parameter;
import org.milab.plugins.classic.common.DataChecks;
import org.milab.plugins.classic.common.Digamma;
import org.milab.plugins.classic.common.Preprocessing;
import org.milab.plugins.classic.common.Symbols;
import org.pf4j.Extension;

/**
 * Ross's k-nearest-neighbour estimator of the MI between a discrete variable (class labels) and a continuous one,
 * in the max norm.
 *
 * <p>Let c be the discrete side (each distinct row a class) and v the continuous side. For each sample i of a class
 * with N<sub>c(i)</sub> ≥ 2 members, let k<sub>i</sub> = min(k, N<sub>c(i)</sub> − 1), d<sub>i</sub> the distance
 * from v<sub>i</sub> to its k<sub>i</sub>-th nearest neighbour within its class, and m<sub>i</sub> the number of
 * neighbours within d<sub>i</sub> in the whole sample, the k<sub>i</sub>-th neighbour itself included: one plus
 * the number of samples j ≠ i with ‖v<sub>j</sub> − v<sub>i</sub>‖ &lt; d<sub>i</sub> (strictly, so that ties
 * at d<sub>i</sub> count once, as in scikit-learn). Over the N retained
 * samples (classes of one member are dropped),
 * <pre>
 *   Î = ψ(N) − ⟨ψ(N<sub>c</sub>)⟩ + ⟨ψ(k<sub>i</sub>)⟩ − ⟨ψ(m)⟩
 * </pre>
 * in nats. This is the estimator behind scikit-learn's {@code mutual_info_classif} for continuous features, which
 * it matches on the same data.
 *
 * <p>Assumptions and bias: a discrete variable with few, well-populated classes and a continuous one with a
 * density; small bias, comparable to KSG; not guaranteed non-negative. Exact duplicates within a class make
 * d<sub>i</sub> zero and are rejected unless {@code jitter} breaks them.
 *
 * <p>Cost: one KD-tree per class and one over all samples (or a sorted column when v is one-dimensional),
 * O(n log n) in all; memory O(n d).
 *
 * <p>Reference: B. C. Ross, Mutual information between discrete and continuous data sets, PLoS ONE 9(2), e87357
 * (2014).
 */
@Extension
@Citation(authors = "Ross, B. C.", year = 2014, title = "Mutual information between discrete and continuous data sets",
        venue = "PLoS ONE 9(2), e87357", doi = "10.1371/journal.pone.0087357")
public final class RossMixed implements Estimator {

    /** Which input is discrete. */
    public enum DiscreteSide {
        /** {@code x} holds the labels. */
        X,
        /** {@code y} holds the labels. */
        Y
    }

    static final Parameter<DiscreteSide> DISCRETE = Parameter.choice("discrete", DiscreteSide.class)
            .defaultValue(DiscreteSide.Y).description("which input holds the discrete labels (each distinct row a class)")
            .build();

    private static final ExtensionInfo INFO = ExtensionInfo.of("ross-mixed",
            "Ross k-nearest-neighbour MI between discrete labels and continuous features (max norm).",
            KnnParameters.K, DISCRETE, KnnParameters.JITTER, KnnParameters.STANDARDISE);

    @Override
    public ExtensionInfo info() {
        return INFO;
    }

    @Override
    public Estimate estimate(Samples x, Samples y, RunContext ctx) {
        DataChecks.requirePaired(x, "x", y, "y");
        boolean labelsInY = ctx.param(DISCRETE) == DiscreteSide.Y;
        Samples labels = labelsInY ? y : x;
        Samples values = labelsInY ? x : y;
        String labelPort = labelsInY ? "y" : "x";
        String valuePort = labelsInY ? "x" : "y";
        int k = ctx.param(KnnParameters.K);
        DataChecks.requireFinite(labels, labelPort);
        DataChecks.requireContinuous(values, valuePort, 2, "two samples of one class at least");
        int d = values.cols();
        double[] v = Preprocessing.copy(values);
        if (ctx.param(KnnParameters.STANDARDISE)) {
            Preprocessing.scaleToUnitStd(v, d);
        }
        Preprocessing.jitter(v, d, ctx.param(KnnParameters.JITTER), ctx.random());
        Symbols classes = Symbols.of(labels);
        int[] size = classes.counts();
        int[] kept = keptRows(classes.ids(), size, labelPort);
        int n = kept.length;
        double[] radius = withinClassRadii(v, d, classes, size, kept, k, valuePort);
        double[] keptValues = new double[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(v, kept[i] * d, keptValues, i * d, d);
        }
        Marginal all = new Marginal(keptValues, d);
        Marginal.Scratch s = all.scratch();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int c = classes.ids()[kept[i]];
            sum += Digamma.of(size[c]) - Digamma.of(Math.min(k, size[c] - 1))
                    + Digamma.of(all.countOthersWithin(i, radius[i], s) + 1);
        }
        double mi = Digamma.of(n) - sum / n;
        return Estimate.of(mi, n).withDiagnostic("k", k).withDiagnostic("classes", classes.cardinality());
    }

    private static int[] keptRows(int[] ids, int[] size, String port) {
        int kept = 0;
        for (int id : ids) {
            kept += size[id] >= 2 ? 1 : 0;
        }
        if (kept < 2) {
            throw new InvalidDataException("input '" + port + "': no class has two or more samples; the estimator "
                    + "needs repeated labels (is this input really discrete?)");
        }
        int[] rows = new int[kept];
        for (int i = 0, at = 0; i < ids.length; i++) {
            if (size[ids[i]] >= 2) {
                rows[at++] = i;
            }
        }
        return rows;
    }

    /** Distance from each kept sample to its k_i-th neighbour within its class, indexed like {@code kept}. */
    private static double[] withinClassRadii(double[] v, int d, Symbols classes, int[] size, int[] kept, int k,
                                             String port) {
        int m = classes.cardinality();
        int[][] members = new int[m][];
        int[] fill = new int[m];
        for (int c = 0; c < m; c++) {
            members[c] = new int[size[c]];
        }
        for (int i = 0; i < kept.length; i++) {
            int c = classes.ids()[kept[i]];
            members[c][fill[c]++] = i;
        }
        double[] radius = new double[kept.length];
        for (int c = 0; c < m; c++) {
            if (size[c] < 2) {
                continue;
            }
            double[] pts = new double[size[c] * d];
            for (int a = 0; a < size[c]; a++) {
                System.arraycopy(v, kept[members[c][a]] * d, pts, a * d, d);
            }
            int kc = Math.min(k, size[c] - 1);
            KdTree tree = new KdTree(pts, d);
            KdTree.Scratch s = new KdTree.Scratch(kc, tree);
            for (int t = 0; t < size[c]; t++) {
                double r = tree.knn(t, kc, s);
                int i = members[c][tree.index[t]];
                if (r == 0) {
                    throw NeighbourInputs.tie(kept[i], kc, "'" + port + "' (within its class)");
                }
                radius[i] = r;
            }
        }
        return radius;
    }
}
