package org.milab.api.estimate;

import org.milab.api.MilabExtension;
import org.milab.api.RunContext;
import org.milab.api.data.Samples;

/**
 * Extension point for estimators of the conditional mutual information I(X;Y|Z). In a graph its input ports are
 * {@code x}, {@code y} and {@code z}; its output is {@code estimate}.
 */
public interface ConditionalMiEstimator extends MilabExtension {

    /** Estimates I(X;Y|Z) in nats. */
    Estimate estimate(Samples x, Samples y, Samples z, RunContext ctx);
}
