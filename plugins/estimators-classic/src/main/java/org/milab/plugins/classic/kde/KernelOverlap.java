package org.milab.plugins.classic.kde;

import java.util.Locale;
import java.util.Optional;

/**
 * The kernel estimator's bandwidth assumption, checked on the data: each sample's joint kernel sum
 * S<sub>xy</sub>(i) = Σ<sub>j</sub> exp(−‖z<sub>i</sub> − z<sub>j</sub>‖²/2h²) must be made of many neighbours, not
 * of its own term (which is 1). The share of the own term, 1/S<sub>xy</sub>(i), averaged over up to
 * {@value #PROBES} evenly spaced rows (O(probes · n · d)), above {@value #MAX_SELF_SHARE} means the kernels barely
 * overlap in the joint space (too many dimensions for n, or a too small bandwidth): the density ratio then counts
 * isolated points and Î is pulled up towards ln n. A bandwidth above one standard deviation over-smooths instead:
 * correlations shrink by 1/(1 + h²), so strong dependence is underestimated.
 */
final class KernelOverlap {

    /** Rows probed. */
    static final int PROBES = 256;
    /** Mean share of the own term in the joint kernel sum above which the estimate is flagged. */
    static final double MAX_SELF_SHARE = 0.5;

    private KernelOverlap() {
    }

    /**
     * A warning when the bandwidth {@code h} does not suit standardised rows {@code xs} (d<sub>x</sub> columns) and
     * {@code ys} (d<sub>y</sub>); empty otherwise.
     */
    static Optional<String> warning(double[] xs, int dx, double[] ys, int dy, int n, double h) {
        double share = selfShare(xs, dx, ys, dy, n, h);
        if (share > MAX_SELF_SHARE) {
            return Optional.of(isolatedPoints(share, h, dx + dy, n));
        }
        if (h > 1) {
            return Optional.of(String.format(Locale.ROOT, "the bandwidth h = %.3g exceeds one standard deviation: "
                    + "smoothing shrinks correlations by about 1/(1 + h^2) = %.2f, so strong dependence is "
                    + "underestimated; use a smaller bandwidth or the scott rule", h, 1 / (1 + h * h)));
        }
        return Optional.empty();
    }

    private static String isolatedPoints(double share, double h, int dims, int n) {
        return String.format(Locale.ROOT, "the kernels barely overlap in the joint space: on "
                + "average %.0f%% of a sample's joint kernel sum is its own kernel (bandwidth h = %.3g in %d "
                + "dimensions, n = %d), so the estimate counts isolated points and is pulled towards ln n = %.2f; "
                + "kernel density MI needs few dimensions (<= 3-4) or a larger bandwidth: use ksg or auto",
                100 * share, h, dims, n, Math.log(n));
    }

    /** Mean over probed rows of 1 / S<sub>xy</sub>(i). */
    static double selfShare(double[] xs, int dx, double[] ys, int dy, int n, double h) {
        int probes = Math.min(PROBES, n);
        double c = -0.5 / (h * h);
        double share = 0;
        for (int p = 0; p < probes; p++) {
            int i = (int) ((long) p * n / probes);
            double sxy = 0;
            for (int j = 0; j < n; j++) {
                sxy += Math.exp(c * (squaredDistance(xs, dx, i, j) + squaredDistance(ys, dy, i, j)));
            }
            share += 1 / sxy;
        }
        return share / probes;
    }

    private static double squaredDistance(double[] v, int d, int i, int j) {
        double s = 0;
        for (int k = 0; k < d; k++) {
            double g = v[i * d + k] - v[j * d + k];
            s += g * g;
        }
        return s;
    }
}
