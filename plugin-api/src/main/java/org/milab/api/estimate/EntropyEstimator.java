package org.milab.api.estimate;

import org.milab.api.MilabExtension;
import org.milab.api.RunContext;
import org.milab.api.data.Samples;

/**
 * Extension point for estimators of the (differential or discrete) entropy H(X). In a graph its input port is
 * {@code x}; its output is {@code estimate}.
 */
public interface EntropyEstimator extends MilabExtension {

    /** Estimates H(X) in nats. */
    Estimate entropy(Samples x, RunContext ctx);
}
