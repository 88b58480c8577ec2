package org.milab.plugins.synthetic;

import java.util.List;
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
 * The 12-bit information-plane task after Shwartz-Ziv and Tishby (2017): all 4,096 binary patterns on 12 points
 * spread uniformly on the sphere (the vertices of a regular icosahedron), labelled by a rotation-invariant rule.
 *
 * <p>Rule: f(x) = |sum_i x_i v_i|^2 with v_i the unit icosahedron vertices (invariant under the icosahedral
 * rotations, as it depends only on inner products of active points); theta is the median of f over all patterns,
 * giving p(label = 1) = 2036/4096 (ties at the median get 0). With gamma = inf, label = 1[f(x) > theta]; with finite gamma the label is drawn
 * from p(1|x) = 1 / (1 + exp(-gamma (f(x) - theta))), as in the paper's noisy rule. The original's exact f is not
 * published; this one has the same symmetry, size and balance.
 *
 * <p>Ground truth (exact finite sum, X uniform over the patterns): I(x; label) = H(p) - mean_x h(p(1|x)), where p is
 * the marginal label probability. Views: {@code x} (12 columns b0..b11 of 0/1) and {@code label}. Rows: each
 * pattern {@code copies} times, in pattern order. Cost: O(4096 copies 12).
 */
@Extension
@Citation(authors = "Shwartz-Ziv, R., Tishby, N.", year = 2017,
        title = "Opening the Black Box of Deep Neural Networks via Information", arxiv = "1703.00810")
public final class TwelveBit implements DatasetProvider {

    static final int BITS = 12;
    static final int PATTERNS = 1 << BITS;

    static final Parameter<Double> GAMMA = Parameter.real("gamma").defaultValue(Double.POSITIVE_INFINITY).min(0)
            .description("steepness of the sigmoidal label noise; inf gives deterministic labels").build();
    static final Parameter<Integer> COPIES = Parameter.integer("copies").defaultValue(1).range(1, 1000)
            .description("how many times each of the 4096 patterns appears (labels drawn anew each time)").build();

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("shwartz-ziv-12bit",
                "All 4096 12-bit patterns on an icosahedron with a rotation-invariant binary label (information plane).",
                GAMMA, COPIES);
    }

    @Override
    public Set<String> declaredViews(ParameterValues parameters) {
        return Set.of("x", "label");
    }

    @Override
    public Dataset load(RunContext ctx) {
        double gamma = ctx.param(GAMMA);
        int copies = ctx.param(COPIES);
        double[] p1 = probabilities(gamma);
        RandomGenerator rng = ctx.splittableRandom();
        int n = PATTERNS * copies;
        double[] x = patternBits(n);
        double[] label = labels(p1, n, rng);
        return Dataset.builder("shwartz-ziv-12bit")
                .view("x", Samples.wrap(n, BITS, x, Samples.names("b", BITS)))
                .view("label", Samples.wrap(n, 1, label, List.of("label")))
                .groundTruth("x", "label", mutualInformation(p1),
                        "exact sum over the 4096 equiprobable patterns of the generating rule")
                .build();
    }

    /** The bits of every pattern in turn, repeated to fill {@code n} rows. */
    private static double[] patternBits(int n) {
        double[] x = new double[n * BITS];
        for (int r = 0; r < n; r++) {
            for (int b = 0; b < BITS; b++) {
                x[r * BITS + b] = bit(r % PATTERNS, b);
            }
        }
        return x;
    }

    /** A label for each of the {@code n} rows, 1 with the probability {@code p1} gives its pattern. */
    private static double[] labels(double[] p1, int n, RandomGenerator rng) {
        double[] label = new double[n];
        for (int r = 0; r < n; r++) {
            double p = p1[r % PATTERNS];
            label[r] = p == 1 || (p > 0 && rng.nextDouble() < p) ? 1 : 0;
        }
        return label;
    }

    /** Bit {@code b} of {@code pattern}, bit 0 being the most significant. */
    private static int bit(int pattern, int b) {
        return (pattern >> (BITS - 1 - b)) & 1;
    }

    /** p(label = 1 | pattern) for every pattern. */
    static double[] probabilities(double gamma) {
        double[] f = ruleValues();
        double theta = median(f);
        double[] p = new double[PATTERNS];
        for (int i = 0; i < PATTERNS; i++) {
            double d = f[i] - theta;
            p[i] = Double.isInfinite(gamma) ? (d > 1e-9 ? 1 : 0) : 1 / (1 + Math.exp(-gamma * d));
        }
        return p;
    }

    /** f(x) = |sum_i x_i v_i|^2 for every pattern, bit 0 being the most significant. */
    static double[] ruleValues() {
        double[][] v = vertices();
        double[] f = new double[PATTERNS];
        for (int pattern = 0; pattern < PATTERNS; pattern++) {
            f[pattern] = squaredNormOfSum(v, pattern);
        }
        return f;
    }

    /** |sum of the vertices whose bit is set in {@code pattern}|^2. */
    private static double squaredNormOfSum(double[][] v, int pattern) {
        double sx = 0;
        double sy = 0;
        double sz = 0;
        for (int b = 0; b < BITS; b++) {
            if (bit(pattern, b) == 1) {
                sx += v[b][0];
                sy += v[b][1];
                sz += v[b][2];
            }
        }
        return sx * sx + sy * sy + sz * sz;
    }

    /** The 12 unit vertices of a regular icosahedron: cyclic permutations of (0, +-1, +-phi), normalised. */
    static double[][] vertices() {
        double phi = (1 + Math.sqrt(5)) / 2;
        double norm = Math.sqrt(1 + phi * phi);
        double[][] v = new double[BITS][];
        int i = 0;
        for (int s1 = -1; s1 <= 1; s1 += 2) {
            for (int s2 = -1; s2 <= 1; s2 += 2) {
                v[i++] = new double[] {0, s1 / norm, s2 * phi / norm};
                v[i++] = new double[] {s1 / norm, s2 * phi / norm, 0};
                v[i++] = new double[] {s2 * phi / norm, 0, s1 / norm};
            }
        }
        return v;
    }

    /** I(X; label) in nats with X uniform over the patterns. */
    static double mutualInformation(double[] p1) {
        double mean = 0;
        double conditional = 0;
        for (double p : p1) {
            mean += p / p1.length;
            conditional += binaryEntropy(p) / p1.length;
        }
        return Math.max(0, binaryEntropy(mean) - conditional);
    }

    static double binaryEntropy(double p) {
        return (p > 0 ? -p * Math.log(p) : 0) + (p < 1 ? -(1 - p) * Math.log1p(-p) : 0);
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        java.util.Arrays.sort(s);
        return 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }
}
