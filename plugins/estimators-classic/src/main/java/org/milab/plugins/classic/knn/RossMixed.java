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
        Sides io = Sides.of(x, y, ctx.param(DISCRETE));
        int k = ctx.param(KnnParameters.K);
        DataChecks.requireFinite(io.labels(), io.labelPort());
        DataChecks.requireContinuous(io.values(), io.valuePort(), 2, "two samples of one class at least");
        double[] v = NeighbourInputs.prepared(io.values(), ctx.param(KnnParameters.STANDARDISE),
                ctx.param(KnnParameters.JITTER), ctx);
        Symbols classes = Symbols.of(io.labels());
        Kept kept = new Kept(v, io.values().cols(), classes, io.labelPort());
        int n = kept.rows.length;
        double sum = kept.sumOfTerms(k, kept.withinClassRadii(k, io.valuePort()));
        double mi = Digamma.of(n) - sum / n;
        return Estimate.of(mi, n).withDiagnostic("k", k).withDiagnostic("classes", classes.cardinality());
    }

    /** The discrete and the continuous input of a call, with their port names. */
    private record Sides(Samples labels, String labelPort, Samples values, String valuePort) {

        static Sides of(Samples x, Samples y, DiscreteSide discrete) {
            return discrete == DiscreteSide.Y ? new Sides(y, "y", x, "x") : new Sides(x, "x", y, "y");
        }
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

    /** Rows {@code rows} of the row-major {@code v} with {@code d} columns, in that order (a new array). */
    private static double[] gather(double[] v, int d, int[] rows) {
        double[] out = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(v, rows[i] * d, out, i * d, d);
        }
        return out;
    }

    /**
     * The samples that the estimate keeps, those of classes with two members or more: their original rows, their
     * prepared values and their classes, each indexed by kept sample i.
     */
    private static final class Kept {
        private final int[] rows;
        private final double[] values;
        private final int d;
        private final int[] classOf;
        /** The number of samples of each class, kept or not. */
        private final int[] size;

        /** The kept samples of the prepared values {@code v} ({@code d} columns) labelled by {@code classes}. */
        Kept(double[] v, int d, Symbols classes, String labelPort) {
            this.d = d;
            size = classes.counts();
            rows = keptRows(classes.ids(), size, labelPort);
            values = gather(v, d, rows);
            classOf = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                classOf[i] = classes.ids()[rows[i]];
            }
        }

        /** Distance d<sub>i</sub> from each kept sample to its k<sub>i</sub>-th neighbour within its class. */
        double[] withinClassRadii(int k, String port) {
            int[][] members = membersByClass();
            double[] radius = new double[rows.length];
            for (int c = 0; c < members.length; c++) {
                if (size[c] >= 2) {
                    classRadii(members[c], Math.min(k, size[c] - 1), radius, port);
                }
            }
            return radius;
        }

        /** The kept samples of each class, in ascending order. */
        private int[][] membersByClass() {
            int[][] members = new int[size.length][];
            int[] fill = new int[size.length];
            for (int c = 0; c < size.length; c++) {
                members[c] = new int[size[c]];
            }
            for (int i = 0; i < rows.length; i++) {
                int c = classOf[i];
                members[c][fill[c]++] = i;
            }
            return members;
        }

        /**
         * Sets {@code radius[i]} for the kept samples i of one class ({@code members}, all of it) to the distance to
         * the {@code kc}-th nearest other member; a zero distance is an error.
         */
        private void classRadii(int[] members, int kc, double[] radius, String port) {
            KdTree tree = new KdTree(gather(values, d, members), d);
            KdTree.Scratch s = new KdTree.Scratch(kc, tree);
            for (int t = 0; t < members.length; t++) {
                double r = tree.knn(t, kc, s);
                int i = members[tree.index[t]];
                if (r == 0) {
                    throw NeighbourInputs.tie(rows[i], kc, "'" + port + "' (within its class)");
                }
                radius[i] = r;
            }
        }

        /**
         * Σ ψ(N<sub>c</sub>) − ψ(k<sub>i</sub>) + ψ(m<sub>i</sub>) over the kept samples, m<sub>i</sub> counted
         * within {@code radius[i]} among all kept samples.
         */
        double sumOfTerms(int k, double[] radius) {
            Marginal all = new Marginal(values, d);
            Marginal.Scratch s = all.scratch();
            double sum = 0;
            for (int i = 0; i < rows.length; i++) {
                int c = classOf[i];
                sum += Digamma.of(size[c]) - Digamma.of(Math.min(k, size[c] - 1))
                        + Digamma.of(all.countOthersWithin(i, radius[i], s) + 1);
            }
            return sum;
        }
    }
}
