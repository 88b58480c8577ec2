package org.milab.plugins.classic.renyi;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.milab.api.EstimationException;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.InvalidDataException;
import org.milab.api.RunContext;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimate;
import org.milab.api.estimate.Estimator;
import org.milab.api.param.Parameter;
import org.milab.plugins.classic.common.DataChecks;
import org.milab.plugins.classic.common.Preprocessing;
import org.pf4j.Extension;

/**
 * Matrix-based Rényi α-order mutual information of Giraldo, Rao and Príncipe, from Gram matrices.
 *
 * <p>With standardised columns, Gaussian Gram matrices K<sub>ij</sub> = exp(−‖x<sub>i</sub> −
 * x<sub>j</sub>‖²/2σ²) normalised to unit trace, A = K/n (K<sub>ii</sub> = 1), and the joint matrix
 * A<sub>xy</sub> = A<sub>x</sub> ∘ A<sub>y</sub> / tr(A<sub>x</sub> ∘ A<sub>y</sub>) (Hadamard product),
 * <pre>
 *   S<sub>α</sub>(A) = 1/(1 − α) · log Σ<sub>i</sub> λ<sub>i</sub>(A)<sup>α</sup>      (−Σ λ log λ at α = 1)
 *   Î<sub>α</sub> = S<sub>α</sub>(A<sub>x</sub>) + S<sub>α</sub>(A<sub>y</sub>) − S<sub>α</sub>(A<sub>xy</sub>)
 * </pre>
 * in nats (natural logarithm).
 *
 * <p>Assumptions and bias: this is a functional of the data's Gram matrices in the spirit of Rényi's entropy, not
 * an estimator of Shannon MI: its value depends on α and strongly on σ (rules: Silverman, Scott, median distance,
 * or given), and it saturates at log n. Use it to compare representations under one setting, as in the
 * information-plane analyses of deep networks.
 *
 * <p>Cost: O(n² d) for the Gram matrices and O(n³) for three symmetric eigendecompositions; O(n²) memory. Inputs
 * larger than {@code max-rows} (default 1000, at most {@value #MAX_ROWS}) are subsampled with the node's seed.
 *
 * <p>References: L. G. Sanchez Giraldo, M. Rao, J. C. Príncipe, Measures of entropy from data using infinitely
 * divisible kernels, IEEE Trans. Inf. Theory 61(1), 535-548 (2015); S. Yu, L. G. Sanchez Giraldo, R. Jenssen,
 * J. C. Príncipe, Multivariate extension of matrix-based Rényi's α-order entropy functional, IEEE TPAMI (2020).
 */
@Extension
@Citation(authors = "Sanchez Giraldo, L. G., Rao, M., Príncipe, J. C.", year = 2015,
        title = "Measures of entropy from data using infinitely divisible kernels",
        venue = "IEEE Transactions on Information Theory 61(1), 535-548", doi = "10.1109/TIT.2014.2370058")
@Citation(authors = "Yu, S., Sanchez Giraldo, L. G., Jenssen, R., Príncipe, J. C.", year = 2020,
        title = "Multivariate extension of matrix-based Rényi's α-order entropy functional",
        venue = "IEEE Transactions on Pattern Analysis and Machine Intelligence 42(11), 2960-2966",
        doi = "10.1109/TPAMI.2019.2932976")
public final class MatrixRenyi implements Estimator {

    /** The largest input accepted: three dense n × n eigendecompositions. */
    public static final int MAX_ROWS = 4000;

    static final Parameter<Integer> MAX_ROWS_USED = Parameter.integer("max-rows").defaultValue(1000)
            .range(2, MAX_ROWS).description("larger inputs are subsampled (seeded, without replacement) to this many rows")
            .build();

    static final Parameter<Double> ALPHA = Parameter.real("alpha").defaultValue(1.01).range(0.01, 100)
            .description("Rényi order; 1 gives the von Neumann (Shannon-like) limit").build();

    static final Parameter<KernelWidthRule> WIDTH_RULE = Parameter.choice("width-rule", KernelWidthRule.class)
            .defaultValue(KernelWidthRule.SILVERMAN).description("how the Gaussian kernel width is chosen").build();

    static final Parameter<Double> SIGMA = Parameter.real("sigma").defaultValue(1.0).range(1e-6, 1e6)
            .unit("standard deviations").description("kernel width when width-rule = fixed").build();

    private static final ExtensionInfo INFO = ExtensionInfo.of("renyi",
            "Matrix-based Rényi alpha-order MI from Gaussian Gram matrices (Giraldo, Rao, Príncipe 2015): a "
                    + "different quantity from Shannon MI, not comparable with it or with a Shannon ground truth.",
            ALPHA, WIDTH_RULE, SIGMA, MAX_ROWS_USED);

    @Override
    public ExtensionInfo info() {
        return INFO;
    }

    @Override
    public Estimate estimate(Samples x, Samples y, RunContext ctx) {
        DataChecks.requirePaired(x, "x", y, "y");
        requireContinuous(x, y);
        int limit = ctx.param(MAX_ROWS_USED);
        if (x.rows() > limit) {
            int[] rows = subsample(x.rows(), limit, ctx);
            Samples xs = x.selectRows(rows);
            Samples ys = y.selectRows(rows);
            requireContinuous(xs, ys);
            return renyiMi(xs, ys, ctx);
        }
        return renyiMi(x, y, ctx);
    }

    private static void requireContinuous(Samples x, Samples y) {
        DataChecks.requireContinuous(x, "x", 2, "two samples at least");
        DataChecks.requireContinuous(y, "y", 2, "two samples at least");
    }

    /** S_α(Kx) + S_α(Ky) − S_α(Kx ∘ Ky) over every row of {@code x} and {@code y}. */
    private static Estimate renyiMi(Samples x, Samples y, RunContext ctx) {
        int n = x.rows();
        double alpha = ctx.param(ALPHA);
        double[][] kx = gram(x, ctx);
        double[][] ky = gram(y, ctx);
        double mi = entropy(kx, alpha) + entropy(ky, alpha) - entropy(hadamard(kx, ky), alpha);
        Estimate e = Estimate.of(mi, n).withDiagnostic("alpha", alpha)
                .withQuantity(String.format(java.util.Locale.ROOT, "matrix-based Rényi alpha-order MI (alpha = %s)",
                        ALPHA.format(alpha)));
        return mi > 0.9 * Math.log(n) ? withCeilingWarning(e, mi, n) : e;
    }

    /** The element-wise product of two n x n matrices. */
    private static double[][] hadamard(double[][] a, double[][] b) {
        int n = a.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = a[i][j] * b[i][j];
            }
        }
        return out;
    }

    private static Estimate withCeilingWarning(Estimate e, double mi, int n) {
        return e.withWarning(String.format(java.util.Locale.ROOT, "the value %.3f is "
                + "near its ceiling ln n = %.3f for the %d rows used: the Gram matrices are nearly diagonal "
                + "(kernel too narrow for the dimension), so it says little; widen sigma or use fewer dimensions", mi,
                Math.log(n), n));
    }

    /** {@code m} distinct rows of {@code n}, in increasing order, by a seeded partial Fisher–Yates shuffle. */
    private static int[] subsample(int n, int m, RunContext ctx) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < m; i++) {
            int j = i + ctx.random().nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] picked = Arrays.copyOf(all, m);
        Arrays.sort(picked);
        return picked;
    }

    /** The Gaussian Gram matrix of the standardised rows of {@code s}, unit diagonal. */
    private static double[][] gram(Samples s, RunContext ctx) {
        int n = s.rows();
        int d = s.cols();
        double[][] sq = squaredDistances(Preprocessing.scaledCopy(s), n, d);
        double sigma = width(sq, d, ctx);
        double c = -0.5 / (sigma * sigma);
        for (double[] row : sq) {
            for (int j = 0; j < n; j++) {
                row[j] = Math.exp(c * row[j]);
            }
        }
        return sq;
    }

    /** The kernel width the width rule gives n rows of d standardised columns with squared distances {@code sq}. */
    private static double width(double[][] sq, int d, RunContext ctx) {
        int n = sq.length;
        return switch (ctx.param(WIDTH_RULE)) {
            case SILVERMAN -> 1.06 * Math.pow(n, -1.0 / (4 + d));
            case SCOTT -> Math.pow(n, -1.0 / (4 + d));
            case MEDIAN -> medianDistance(sq);
            case FIXED -> ctx.param(SIGMA);
        };
    }

    /** The squared distances between the n rows of {@code v} (d columns), zero on the diagonal. */
    private static double[][] squaredDistances(double[] v, int n, int d) {
        double[][] sq = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double q = 0;
                for (int k = 0; k < d; k++) {
                    double g = v[i * d + k] - v[j * d + k];
                    q += g * g;
                }
                sq[i][j] = q;
                sq[j][i] = q;
            }
        }
        return sq;
    }

    private static double medianDistance(double[][] sq) {
        double[] all = pairDistances(sq);
        Arrays.sort(all);
        double m = all[all.length / 2];
        if (m == 0) {
            throw new InvalidDataException("more than half of the rows are identical, so the median distance is 0; "
                    + "use width-rule = fixed");
        }
        return m;
    }

    /** The distances above the diagonal of the squared-distance matrix {@code sq}, row by row. */
    private static double[] pairDistances(double[][] sq) {
        int n = sq.length;
        double[] all = new double[n * (n - 1) / 2];
        int at = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                all[at++] = Math.sqrt(sq[i][j]);
            }
        }
        return all;
    }

    /**
     * The eigenvalues of the symmetric positive semi-definite {@code k}: by the symmetric QR algorithm, or, where
     * that fails to converge (clustered eigenvalues near 0), as singular values, which coincide for such matrices.
     */
    private static double[] eigenvalues(double[][] k) {
        int n = k.length;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (eig.decompose(new DMatrixRMaj(k))) {
            double[] out = new double[eig.getNumberOfEigenvalues()];
            for (int i = 0; i < out.length; i++) {
                out[i] = eig.getEigenvalue(i).real;
            }
            return out;
        }
        return singularValues(k);
    }

    private static double[] singularValues(double[][] k) {
        int n = k.length;
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, n, false, false, true);
        if (!svd.decompose(new DMatrixRMaj(k))) {
            throw new EstimationException("renyi: neither the eigendecomposition nor the SVD of a " + n + " x " + n
                    + " Gram matrix converged; try another kernel width");
        }
        return svd.getSingularValues();
    }

    /** S_α of the unit-trace matrix K / tr(K). */
    private static double entropy(double[][] k, double alpha) {
        double trace = 0;
        for (int i = 0; i < k.length; i++) {
            trace += k[i][i];
        }
        double sum = 0;
        boolean shannon = Math.abs(alpha - 1) < 1e-9;
        for (double l : eigenvalues(k)) {
            double p = Math.max(0, l / trace);
            if (p > 0) {
                sum += shannon ? -p * Math.log(p) : Math.pow(p, alpha);
            }
        }
        return shannon ? sum : Math.log(sum) / (1 - alpha);
    }
}
