package org.milab.plugins.neural.bound;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import org.milab.api.InvalidDataException;

/**
 * The shared numerics of the bounds: views of the score matrix and stable reductions. Every function is
 * differentiable, allocates no constant tensors and leaves its results in the manager of {@code scores}.
 */
final class Scores {

    private Scores() {
    }

    /** The n paired scores {@code f[i][i]} (a view), after {@link #requireSquare}. */
    static NDArray diagonal(NDArray scores) {
        return requireSquare(scores).diagonal();
    }

    /**
     * Every bound reads the diagonal or the off-diagonal scores, so both views check the shape: square, at least
     * 2 x 2 (a batch of one pair has no unpaired scores). Values are not checked (that would cost a device sync per
     * step): a NaN score gives a NaN value.
     *
     * @throws InvalidDataException naming the shape otherwise
     */
    static NDArray requireSquare(NDArray scores) {
        Shape shape = scores.getShape();
        if (shape.dimension() != 2 || shape.get(0) != shape.get(1) || shape.get(0) < 2) {
            throw new InvalidDataException("a bound needs an n x n score matrix with n >= 2 (scores of n paired x "
                    + "and y batches), got shape " + shape);
        }
        return scores;
    }

    /**
     * The {@code n(n-1)} off-diagonal scores as an {@code (n-1) x n} matrix, in no particular pairing order: the
     * flattened matrix without its first entry, cut into rows of {@code n+1}, holds a diagonal entry exactly in each
     * row's last column. Views only, so no mask is allocated.
     */
    static NDArray offDiagonal(NDArray scores) {
        long n = requireSquare(scores).getShape().get(0);
        return scores.reshape(-1).get(new NDIndex("1:")).reshape(n - 1, n + 1).get(new NDIndex(":, :-1"));
    }

    /** {@code log mean exp} over every entry, shifted by the (constant) maximum for stability. */
    static NDArray logMeanExp(NDArray values) {
        NDArray max = values.max().stopGradient();
        return values.sub(max).exp().mean().log().add(max);
    }

    /** Mean of the paired scores, the first term of most bounds. */
    static NDArray pairedMean(NDArray scores) {
        return diagonal(scores).mean();
    }

    /**
     * Donsker-Varadhan form {@code mean_i f_ii - log mean_{i!=j} exp g_ij}, where {@code partition} is the
     * off-diagonal matrix the partition function is taken over (the scores themselves, or clipped ones).
     */
    static NDArray donskerVaradhan(NDArray scores, NDArray partition) {
        return pairedMean(scores).sub(logMeanExp(partition));
    }

    /**
     * TUBA with a constant log-baseline {@code b}: {@code 1 + mean_i f_ii - b - mean_{i!=j} exp(f_ij - b)}.
     * NWJ is the case {@code b = 1}.
     */
    static NDArray tuba(NDArray scores, double logBaseline) {
        NDArray marginal = logMeanExp(offDiagonal(scores)).sub((float) logBaseline).exp();
        return pairedMean(scores).sub((float) logBaseline).add(1f).sub(marginal);
    }

    /**
     * The Jensen-Shannon f-GAN objective {@code -mean_i sp(-f_ii) - mean_{i!=j} sp(f_ij)}, {@code sp} the softplus.
     */
    static NDArray jensenShannon(NDArray scores) {
        NDArray paired = Activation.softPlus(diagonal(scores).neg()).mean();
        NDArray unpaired = Activation.softPlus(offDiagonal(scores)).mean();
        return paired.add(unpaired).neg();
    }

    /**
     * InfoNCE {@code log n + mean_i (f_ii - log sum_j exp f_ij)}: each x_i classifies its own y among the batch.
     */
    static NDArray infoNce(NDArray scores) {
        long n = scores.getShape().get(0);
        return diagonal(scores.logSoftmax(1)).mean().add((float) Math.log(n));
    }
}
