package org.milab.plugins.neural;

/** How a variational estimator turns a training run into one number. */
public enum EstimateRule {
    /**
     * The best held-out value over the evaluations (mean over the validation batches; their spread is the
     * diagnostic {@code validation-batch-stderr}). Guards against overfitting a finite dataset; choosing the
     * maximum of noisy evaluations is biased upwards by about one standard error when several evaluations are close.
     */
    BEST_VALIDATION,
    /**
     * The mean of the training-batch values of the last {@code window} steps, as the staircase plots of Poole et
     * al. and Song and Ermon report (diagnostic {@code window-stderr}: their standard deviation over the square root of
     * the window, ignoring the correlation through the slowly changing critic). Optimistic when the critic overfits.
     */
    LAST_WINDOW
}
