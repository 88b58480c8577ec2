package org.milab.plugins.infoplane.estimate;

import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimate;
import org.milab.api.estimate.Estimator;
import org.milab.api.param.Parameter;
import org.pf4j.Extension;

/**
 * The binning estimator of Shwartz-Ziv and Tishby (2017): every value of an input (all its columns pooled) is cut
 * into {@code bins} equal-width bins between the input's smallest and largest value, a row becomes the tuple of its
 * bins, and the plug-in MI of the tuples is returned:
 * <pre>
 *   Î(X;T) = Ĥ(X_b) + Ĥ(T_b) − Ĥ(X_b, T_b)   (nats)
 * </pre>
 * For a layer T = f(X) of a network and distinct inputs X (the 12-bit task) Ĥ(X_b, T_b) = Ĥ(X_b), so Î(X;T) = Ĥ(T_b);
 * for a deterministic invertible layer that bins without collisions Î(X;T) = H(X). The range is taken from the
 * activations (Saxe et al. 2018) rather than fixed to tanh's [-1, 1].
 *
 * <p>Assumptions and bias: Î measures the binned variables: it is at most ln(number of occupied cells) and is a
 * property of the bin size as much as of the network (Saxe et al. 2018; Goldfeld et al. 2019), so compare layers
 * and epochs at one bin count. No bias correction. Cost: O(n d log(n d)); memory O(n d).
 */
@Extension
@Citation(authors = "Shwartz-Ziv, R., Tishby, N.", year = 2017,
        title = "Opening the Black Box of Deep Neural Networks via Information", arxiv = "1703.00810")
@Citation(authors = "Saxe, A. M., Bansal, Y., Dapello, J., Advani, M., Kolchinsky, A., Tracey, B. D., Cox, D. D.",
        year = 2018, title = "On the Information Bottleneck Theory of Deep Learning", venue = "ICLR",
        doi = "10.1088/1742-5468/ab3985")
public final class LayerBinning implements Estimator {

    static final Parameter<Integer> BINS = Parameter.integer("bins").defaultValue(30).range(1, 100_000)
            .description("equal-width bins over each input's range, shared by all its columns").build();

    private static final ExtensionInfo INFO = ExtensionInfo.of("ip-binning",
            "Plug-in MI after equal-width binning on one grid per input spanning its activations' range.", BINS);

    @Override
    public ExtensionInfo info() {
        return INFO;
    }

    @Override
    public Estimate estimate(Samples x, Samples y, RunContext ctx) {
        return GridMi.estimate(x, y, ctx.param(BINS), new EqualWidthGrid());
    }
}
