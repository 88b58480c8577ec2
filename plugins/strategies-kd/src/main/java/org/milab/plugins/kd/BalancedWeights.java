package org.milab.plugins.kd;

import java.util.Arrays;
import org.milab.api.EstimationException;

/**
 * The loss-weighting rule of {@link BalancedMultimodal}: the weights of the unimodal heads, recalibrated from each
 * modality's validation loss and the estimated MI between the modalities' embeddings.
 *
 * <p>With L_m the validation cross-entropy of unimodal head m (m = 1..M), Lbar their mean, I the estimated
 * I(e_1; e_2) in nats (negative estimates read as 0), rho = 1 - exp(-2 I) in [0, 1) (the squared correlation a
 * Gaussian pair with that MI would have: the fraction of one modality's information the other shares) and lambda
 * the {@code unimodal-weight}:
 *
 * <pre>  w_m = lambda * ((1 - rho) * L_m / Lbar + rho)</pre>
 *
 * <p>So the mean of the w_m is always lambda; the weaker modality (larger L_m) gets the larger weight, in proportion
 * to its relative loss; the more the modalities share (rho to 1), the less rebalancing matters (a weak modality
 * that duplicates the strong one has little of its own to learn) and the weights return to lambda each. Equal losses
 * or Lbar = 0 give lambda each. The fused head's weight is 1 throughout.
 *
 * <p>Cost: O(M).
 *
 * @param unimodal   w_m per modality
 * @param redundancy rho
 */
record BalancedWeights(double[] unimodal, double redundancy) {

    static BalancedWeights of(double[] validationLoss, double mi, double lambda) {
        requireUsable(validationLoss, mi);
        double rho = 1 - Math.exp(-2 * Math.max(mi, 0));
        double mean = Arrays.stream(validationLoss).average().orElse(0);
        double[] w = new double[validationLoss.length];
        for (int m = 0; m < w.length; m++) {
            double relative = mean > 0 ? validationLoss[m] / mean : 1;
            w[m] = lambda * ((1 - rho) * relative + rho);
        }
        return new BalancedWeights(w, rho);
    }

    /** Rejects a non-finite or negative loss and a NaN MI estimate. */
    private static void requireUsable(double[] validationLoss, double mi) {
        for (int m = 0; m < validationLoss.length; m++) {
            if (!Double.isFinite(validationLoss[m]) || validationLoss[m] < 0) {
                throw new EstimationException("the validation loss of modality " + (m + 1) + " is " + validationLoss[m]
                        + "; the balanced weights need finite non-negative losses (training diverged?)");
            }
        }
        if (Double.isNaN(mi)) {
            throw new EstimationException("the inter-modal MI estimate is NaN; check the estimator");
        }
    }
}
