package org.milab.api.estimate;

import org.milab.api.MilabExtension;
import org.milab.api.RunContext;
import org.milab.api.data.Samples;

/**
 * Extension point for estimators of the mutual information I(X;Y) from paired samples (row i of {@code x} is
 * paired with row i of {@code y}). In a graph its input ports are {@code x} and {@code y}; its output is
 * {@code estimate}.
 */
public interface Estimator extends MilabExtension {

    /**
     * Estimates I(X;Y) in nats.
     *
     * @throws org.milab.api.InvalidDataException when the data cannot be used (too few rows, non-finite values)
     */
    Estimate estimate(Samples x, Samples y, RunContext ctx);
}
