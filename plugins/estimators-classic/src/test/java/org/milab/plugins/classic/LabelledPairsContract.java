package org.milab.plugins.classic;

import org.milab.api.data.Samples;
import org.milab.api.testkit.EstimatorContract;

/** {@link EstimatorContract} on mixed data: Gaussian features x against binary labels c ({@link Synthetic#labelled}). */
public interface LabelledPairsContract extends EstimatorContract {

    /** Features against labels with mu = 1 (I = 0.36 nats). */
    @Override
    default Samples[] dependentPair(int n, long seed) {
        return Synthetic.labelled(n, 1.0, seed);
    }

    /** Labels independent of the features (mu = 0). */
    @Override
    default Samples[] independentPair(int n, long seed) {
        return Synthetic.labelled(n, 0.0, seed);
    }
}
