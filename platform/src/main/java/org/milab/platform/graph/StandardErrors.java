package org.milab.platform.graph;

import java.util.SplittableRandom;
import java.util.function.Function;
import org.milab.api.estimate.Estimate;
import org.milab.api.param.Parameter;
import org.milab.api.param.ParameterValues;

/**
 * Standard errors for any estimator, by resampling rows and re-estimating, added by the host so every estimator
 * (a lab's too) supports {@code stderr=bootstrap|subsample}.
 *
 * <ul>
 *   <li>{@code bootstrap}: B resamples of n rows with replacement (Efron 1979); SE = sd of the B estimates.
 *   Duplicated rows create zero distances, so for nearest-neighbour estimators it overstates dependence: prefer
 *   {@code subsample} there.</li>
 *   <li>{@code subsample}: B subsamples of m = n/2 rows without replacement (Politis &amp; Romano 1994);
 *   SE = sd of the B estimates times sqrt(m/n), assuming the variance falls as 1/n.</li>
 * </ul>
 * Cost: B extra estimations. Resampling is seeded from the node seed, independently of the estimator's own draws.
 */
public final class StandardErrors {

    /** How to compute a standard error. */
    public enum Method {
        /** No standard error. */
        NONE,
        /** Bootstrap with replacement. */
        BOOTSTRAP,
        /** Half-sample subsampling without replacement. */
        SUBSAMPLE
    }

    /** Host parameter {@code stderr}. */
    public static final Parameter<Method> METHOD = Parameter.choice("stderr", Method.class)
            .defaultValue(Method.NONE).description("standard error by resampling rows (added by the host)").build();

    /** Host parameter {@code stderr-resamples}. */
    public static final Parameter<Integer> RESAMPLES = Parameter.integer("stderr-resamples").defaultValue(20)
            .range(2, 10_000).description("number of resamples for the standard error").build();

    /** Receives how many of the estimations are done. */
    @FunctionalInterface
    public interface Progress {
        /** {@code done} of {@code total} estimations are done. */
        void progress(long done, long total);
    }

    private StandardErrors() {
    }

    /**
     * Runs {@code estimator} on all rows and, when asked, on resampled rows.
     *
     * @param rows      number of rows n
     * @param seed      resampling seed
     * @param host      bound host parameters ({@link #METHOD}, {@link #RESAMPLES})
     * @param estimator estimates from a row selection ({@code null} means all rows)
     */
    public static Estimate estimate(int rows, long seed, ParameterValues host, Function<int[], Estimate> estimator) {
        return estimate(rows, seed, host, estimator, (done, total) -> { });
    }

    /**
     * As {@link #estimate(int, long, ParameterValues, Function)}, reporting {@code progress} after the full
     * estimate and after each resample: {@code done} of {@code 1 + B} estimations.
     */
    public static Estimate estimate(int rows, long seed, ParameterValues host, Function<int[], Estimate> estimator,
            Progress progress) {
        Estimate full = estimator.apply(null);
        Method method = host.get(METHOD);
        if (method == Method.NONE) {
            return full;
        }
        int b = host.get(RESAMPLES);
        progress.progress(1, b + 1L);
        int m = method == Method.BOOTSTRAP ? rows : rows / 2;
        double sd = resampledSd(new Resampling(method, rows, m, b, seed), estimator, progress);
        double se = method == Method.BOOTSTRAP ? sd : sd * Math.sqrt((double) m / rows);
        return full.withStandardError(se).withDiagnostic("stderr-resamples", b);
    }

    /**
     * How to resample.
     *
     * @param m the size of each resample
     * @param b the number of resamples
     */
    private record Resampling(Method method, int rows, int m, int b, long seed) {
        int[] pick(SplittableRandom random) {
            return method == Method.BOOTSTRAP ? withReplacement(rows, random) : withoutReplacement(rows, m, random);
        }
    }

    /** The standard deviation of the estimates over the resamples (Welford's running variance). */
    private static double resampledSd(Resampling r, Function<int[], Estimate> estimator, Progress progress) {
        SplittableRandom random = new SplittableRandom(r.seed() ^ 0x9E3779B97F4A7C15L);
        double mean = 0;
        double m2 = 0;
        for (int i = 0; i < r.b(); i++) {
            double v = estimator.apply(r.pick(random)).nats();
            double delta = v - mean;
            mean += delta / (i + 1);
            m2 += delta * (v - mean);
            progress.progress(i + 2L, r.b() + 1L);
        }
        return Math.sqrt(m2 / (r.b() - 1));
    }

    private static int[] withReplacement(int n, SplittableRandom random) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = random.nextInt(n);
        }
        return idx;
    }

    private static int[] withoutReplacement(int n, int m, SplittableRandom random) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < m; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return java.util.Arrays.copyOf(all, m);
    }
}
