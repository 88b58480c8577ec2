package org.milab.plugins.infoplane.estimate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimate;

/**
 * The kernel of the pairwise-distance estimators (Kolchinsky and Tracey 2017): T = h + ε with ε ~ N(0, σ² I), so
 * given the rows h_1..h_n the law of T is an equal-weight mixture of Gaussians, whose entropy is bounded by
 * <pre>
 *   Ĥ_D(T) = H(T | component) − (1/n) Σ_i ln (1/n) Σ_j exp(−D(p_i ‖ p_j))
 * </pre>
 * with D the Kullback–Leibler divergence ‖h_i − h_j‖² / (2σ²) (an upper bound) or the Bhattacharyya distance
 * ‖h_i − h_j‖² / (8σ²) (a lower bound). For a discrete Y (rows of {@code y} grouped by identical values) the
 * information is Î(T;Y) = Ĥ_D(T) − Σ_g p_g Ĥ_D(T | Y = g), where H(T | component) cancels:
 * <pre>
 *   Î(T;Y) = −(1/n) Σ_i ln (1/n) Σ_j K_ij + Σ_g p_g (1/n_g) Σ_{i∈g} ln (1/n_g) Σ_{j∈g} K_ij,
 *   K_ij = exp(−‖h_i − h_j‖² / (c σ²)),  c = 2 (KL) or 8 (Bhattacharyya)
 * </pre>
 * With every row of y distinct (y = the network input X) each group is one row and Î(X;T) is the first term alone,
 * the form of Saxe et al. (2018). For I(X;T) these are true upper and lower bounds on the MI of the noisy layer; for
 * I(T;Y) the difference of two bounds of one kind is an estimate, not a bound.
 *
 * <p>Cost: O(n² d) time (one pass over the pairs, each used twice), O(n) memory.
 */
final class MixtureBound {

    /** The divergence between two mixture components, as the factor c in ‖Δ‖² / (c σ²). */
    enum Divergence {
        /** Kullback–Leibler: the upper bound. */
        KULLBACK_LEIBLER(2),
        /** Bhattacharyya: the lower bound. */
        BHATTACHARYYA(8);

        final double factor;

        Divergence(double factor) {
            this.factor = factor;
        }
    }

    private MixtureBound() {
    }

    /** Î(T;Y) in nats for the rows of {@code t} with noise variance {@code variance}, groups from {@code y}. */
    static Estimate estimate(Samples t, Samples y, double variance, Divergence divergence) {
        Checks.paired(t, y);
        double scale = 1 / (divergence.factor * variance);
        int n = t.rows();
        double[] total = new double[n];
        double[] within = new double[n];
        int[] group = groups(y);
        addKernelSums(t.toRowMajor(), t.cols(), group, scale, total, within);
        int[] sizes = groupSizes(group);
        double mi = logRatioSum(total, within, group, sizes);
        return Estimate.of(mi / n, n).withDiagnostic("noise-variance", variance)
                .withDiagnostic("groups", Arrays.stream(sizes).filter(s -> s > 0).count());
    }

    /** How many rows each group id has (ids are below the number of rows). */
    private static int[] groupSizes(int[] group) {
        int[] sizes = new int[group.length];
        for (int g : group) {
            sizes[g]++;
        }
        return sizes;
    }

    /** The sum over rows of ln(mean kernel to all rows) subtracted from ln(mean kernel within the row's group). */
    private static double logRatioSum(double[] total, double[] within, int[] group, int[] sizes) {
        int n = total.length;
        double mi = 0;
        for (int i = 0; i < n; i++) {
            mi += -Math.log(total[i] / n) + Math.log(within[i] / sizes[group[i]]);
        }
        return mi;
    }

    /**
     * Adds to {@code total[i]} the kernel exp(-scale ‖t_i - t_j‖²) of every row j (itself included), and to
     * {@code within[i]} that of every row j in i's group.
     */
    private static void addKernelSums(double[] v, int d, int[] group, double scale, double[] total, double[] within) {
        for (int i = 0; i < group.length; i++) {
            total[i] += 1;
            within[i] += 1;
            for (int j = i + 1; j < group.length; j++) {
                double k = Math.exp(-squaredDistance(v, i * d, j * d, d) * scale);
                total[i] += k;
                total[j] += k;
                if (group[i] == group[j]) {
                    within[i] += k;
                    within[j] += k;
                }
            }
        }
    }

    private static double squaredDistance(double[] v, int a, int b, int d) {
        double s = 0;
        for (int c = 0; c < d; c++) {
            double diff = v[a + c] - v[b + c];
            s += diff * diff;
        }
        return s;
    }

    /** A dense group id per row: rows with identical values share one. */
    static int[] groups(Samples y) {
        return DenseIds.of(y.rows(), r -> rowValues(y, r));
    }

    private static List<Double> rowValues(Samples y, int r) {
        List<Double> key = new ArrayList<>(y.cols());
        for (int c = 0; c < y.cols(); c++) {
            key.add(y.get(r, c));
        }
        return key;
    }
}
