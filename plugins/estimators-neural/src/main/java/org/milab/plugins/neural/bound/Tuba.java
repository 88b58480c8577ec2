package org.milab.plugins.neural.bound;

import ai.djl.ndarray.NDArray;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.bound.MiBound;
import org.milab.api.param.Parameter;
import org.pf4j.Extension;

/**
 * The tractable unnormalised Barber-Agakov (TUBA) lower bound with a constant baseline.
 *
 * <p>{@code I_TUBA = 1 + mean_i f_ii - b - mean_{i!=j} exp(f_ij - b)} for a log-baseline {@code b}; NWJ is
 * {@code b = 1}. Since the critic has a free additive constant, any fixed b gives the same optimum, but b shifts
 * where a finite critic starts and hence the early training trace.
 *
 * <p>Poole et al.'s learned baseline {@code a(y)} is this bound with {@code b = 0} on the critic
 * {@code f - log a(y)}: use {@code tuba} with {@code critic: baseline-critic(critic=...)}.
 *
 * <p>Unbiased minibatch estimate of a lower bound; variance grows like {@code exp(I)}. Cost {@code O(n^2)}.
 */
@Extension
@Citation(authors = "Poole, B., Ozair, S., van den Oord, A., Alemi, A. A., Tucker, G.", year = 2019,
        title = "On Variational Bounds of Mutual Information", venue = "ICML", arxiv = "1905.06922")
public final class Tuba implements MiBound {

    static final Parameter<Double> LOG_BASELINE = Parameter.real("log-baseline").defaultValue(0.0).range(-50, 50)
            .unit("nats").description("constant log-baseline b (b = 1 gives the NWJ bound)").build();

    private final double logBaseline;

    /** With the default baseline. */
    public Tuba() {
        this(LOG_BASELINE.defaultValue().orElseThrow());
    }

    private Tuba(double logBaseline) {
        this.logBaseline = logBaseline;
    }

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("tuba", "TUBA lower bound with a constant baseline.", LOG_BASELINE);
    }

    @Override
    public MiBound bind(RunContext ctx) {
        return new Tuba(ctx.param(LOG_BASELINE));
    }

    @Override
    public NDArray value(NDArray scores) {
        return Scores.tuba(scores, logBaseline);
    }
}
