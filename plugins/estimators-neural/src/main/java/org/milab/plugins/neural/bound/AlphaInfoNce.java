package org.milab.plugins.neural.bound;

import ai.djl.ndarray.NDArray;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.bound.MiBound;
import org.milab.api.param.Parameter;
import org.pf4j.Extension;

/**
 * The interpolated bound I_alpha of Poole et al. (2019), between NWJ/TUBA ({@code alpha = 0}) and InfoNCE
 * ({@code alpha = 1}).
 *
 * <p>Each x_i gets the baseline {@code b_i = alpha m_i + (1 - alpha)}, with {@code m_i = mean_k exp f_ik} the
 * InfoNCE partition of its row (constant baseline 1 for the TUBA part). Then
 * {@code I_alpha = 1 + mean_i (f_ii - log b_i) - mean_{i!=j} exp(f_ij) / b_i^{(-j)}}, where the baseline of an
 * unpaired sample {@code (x_i, y_j)} leaves {@code y_j} out of the row mean:
 * {@code m_i^{(-j)} = (n m_i - exp f_ij)/(n - 1)}, which keeps it a valid lower bound.
 *
 * <p>The paired term is at most {@code log(n / alpha)}, so the value is at most {@code 1 + log(n / alpha)}: alpha
 * trades InfoNCE's low variance and cap for TUBA's unbounded, high-variance estimate. (Poole et al. put the
 * unpaired sample itself into its baseline, which caps the value at {@code log(n / alpha)}; leaving it out, as here,
 * keeps the baseline independent of the sample it divides.) Cost {@code O(n^2)}.
 */
@Extension
@Citation(authors = "Poole, B., Ozair, S., van den Oord, A., Alemi, A. A., Tucker, G.", year = 2019,
        title = "On Variational Bounds of Mutual Information", venue = "ICML", arxiv = "1905.06922")
public final class AlphaInfoNce implements MiBound {

    static final Parameter<Double> ALPHA = Parameter.real("alpha").defaultValue(0.5).range(0.0, 1.0)
            .description("interpolation weight: 0 gives TUBA with baseline 1, 1 gives an InfoNCE-like bound").build();

    /** Floor of a leave-one-out baseline, so that alpha = 1 with underflowing rows gives no 0/0 in the gradient. */
    private static final float TINY = 1e-30f;

    private final double alpha;

    /** With the default weight. */
    public AlphaInfoNce() {
        this(ALPHA.defaultValue().orElseThrow());
    }

    private AlphaInfoNce(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("alpha-infonce", "Interpolated bound between TUBA (alpha 0) and InfoNCE (alpha 1).", ALPHA);
    }

    @Override
    public MiBound bind(RunContext ctx) {
        return new AlphaInfoNce(ctx.param(ALPHA));
    }

    @Override
    public NDArray value(NDArray scores) {
        long n = scores.getShape().get(0);
        NDArray rowMax = scores.max(new int[] {1}, true).stopGradient();
        NDArray rowExp = scores.sub(rowMax).exp();                         // exp(f_ik - M_i)
        NDArray rowSum = rowExp.sum(new int[] {1}, true);                  // sum_k exp(f_ik - M_i)
        NDArray floor = rowMax.neg().exp().mul((float) (1 - alpha));                 // (1 - alpha) exp(-M_i)
        // b_i exp(-M_i), with the positive kept (paired term) and with y_j left out (unpaired terms)
        NDArray pairedBase = rowSum.mul((float) alpha / n).add(floor);
        NDArray leaveOut = rowSum.sub(rowExp).mul((float) alpha / (n - 1)).add(floor).maximum(TINY);
        NDArray paired = Scores.diagonal(scores.sub(rowMax).sub(pairedBase.log())).mean();
        NDArray unpaired = Scores.offDiagonal(rowExp.div(leaveOut)).mean();
        return paired.add(1f).sub(unpaired);
    }
}
