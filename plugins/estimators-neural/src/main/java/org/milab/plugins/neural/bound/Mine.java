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
 * MINE: the Donsker-Varadhan bound trained with a moving-average correction of its gradient.
 *
 * <p>Value: {@code I_DV = mean_i f_ii - log Z}, {@code Z = mean_{i!=j} exp f_ij}. The minibatch gradient of
 * {@code log Z} is {@code grad Z / Z}, biased because Z comes from the same batch; MINE divides by an exponential
 * moving average {@code m_t = d m_{t-1} + (1-d) Z_t} instead. The objective is the DV value linearised at m:
 * {@code mean_i f_ii - (log m + Z / m - 1)}, whose gradient is {@code grad mean f_ii - grad Z / m}.
 *
 * <p>Reduces the gradient bias of DV, not the variance of its value, which still grows like {@code exp(I)}.
 * The moving average is state of one training run, kept in the objective made by {@link #newObjective()}.
 *
 * <p>Cost: as DV, plus one scalar read per step for the moving average.
 */
@Extension
@Citation(authors = "Belghazi, M. I., Baratin, A., Rajeswar, S., Ozair, S., Bengio, Y., Courville, A., Hjelm, R. D.",
        year = 2018, title = "Mutual Information Neural Estimation", venue = "ICML", arxiv = "1801.04062")
public final class Mine implements MiBound {

    static final Parameter<Double> DECAY = Parameter.real("ema-decay").defaultValue(0.99).range(0.0, 0.999999)
            .description("decay d of the moving average of the partition function (0 gives the plain DV gradient)")
            .build();

    private final double decay;

    /** With the default decay. */
    public Mine() {
        this(DECAY.defaultValue().orElseThrow());
    }

    private Mine(double decay) {
        this.decay = decay;
    }

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("mine", "MINE: Donsker-Varadhan bound trained with a moving-average gradient correction.",
                DECAY);
    }

    @Override
    public MiBound bind(RunContext ctx) {
        return new Mine(ctx.param(DECAY));
    }

    @Override
    public NDArray value(NDArray scores) {
        return Scores.donskerVaradhan(scores, Scores.offDiagonal(scores));
    }

    @Override
    public TrainingObjective newObjective() {
        return new MovingAverageObjective(decay);
    }

    /** The objective of one training run, holding the moving average of the partition function. */
    static final class MovingAverageObjective implements TrainingObjective {
        private final double decay;
        private double average = Double.NaN;

        MovingAverageObjective(double decay) {
            this.decay = decay;
        }

        @Override
        public NDArray objective(NDArray scores) {
            NDArray partition = Scores.logMeanExp(Scores.offDiagonal(scores)).exp();
            double z = partition.getFloat();
            average = Double.isNaN(average) ? z : decay * average + (1 - decay) * z;
            return Scores.pairedMean(scores).sub(partition.div((float) average)).sub((float) (Math.log(average) - 1.0));
        }
    }
}
