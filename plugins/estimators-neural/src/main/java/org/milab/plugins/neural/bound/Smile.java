package org.milab.plugins.neural.bound;

import ai.djl.ndarray.NDArray;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.bound.MiBound;
import org.milab.api.bound.TrainingObjective;
import org.milab.api.param.Parameter;
import org.pf4j.Extension;

/**
 * SMILE: the critic is trained on the Jensen-Shannon objective and the value is Donsker-Varadhan with the
 * partition function taken over scores clipped to {@code [-tau, tau]}.
 *
 * <p>{@code I_SMILE = mean_i f_ii - log mean_{i!=j} exp clip(f_ij, -tau, tau)}; with {@code tau = inf} it is the
 * DV value of a JS-trained critic.
 *
 * <p>Clipping bounds the variance of the partition term by about {@code e^{2 tau}/n^2} at the price of a bias
 * (the density ratio is cut at {@code e^tau}): a small tau trades bias for variance. Cost {@code O(n^2)}.
 */
@Extension
@Citation(authors = "Song, J., Ermon, S.", year = 2020,
        title = "Understanding the Limitations of Variational Mutual Information Estimators", venue = "ICLR",
        arxiv = "1910.06222")
public final class Smile implements MiBound {

    static final Parameter<Double> TAU = Parameter.real("tau").defaultValue(5.0).min(0.0)
            .description("clip of the unpaired scores in the partition function (inf: no clipping)").build();

    private final double tau;

    /** With the default clip. */
    public Smile() {
        this(TAU.defaultValue().orElseThrow());
    }

    private Smile(double tau) {
        this.tau = tau;
    }

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("smile", "SMILE: JS-trained critic, DV value with the partition function clipped at tau.",
                TAU);
    }

    @Override
    public MiBound bind(RunContext ctx) {
        return new Smile(ctx.param(TAU));
    }

    @Override
    public NDArray value(NDArray scores) {
        NDArray unpaired = Scores.offDiagonal(scores);
        return Scores.donskerVaradhan(scores, Double.isInfinite(tau) ? unpaired : unpaired.clip(-tau, tau));
    }

    @Override
    public TrainingObjective newObjective() {
        return Scores::jensenShannon;
    }
}
