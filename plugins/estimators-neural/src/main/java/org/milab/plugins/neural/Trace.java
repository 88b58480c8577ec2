package org.milab.plugins.neural;

import org.milab.api.EstimationException;
import org.milab.api.estimate.Estimate;

/**
 * The values of one training run: per-step training values and the evaluations so far. The spread of the validation
 * batches (or of the window) is a diagnostic, not the estimate's standard error: it ignores the run-to-run spread
 * over seeds ({@code seeds}) and the sampling error of the data (the host's {@code stderr}), which are the errors
 * a reader means.
 */
final class Trace {

    private final float[] train;
    private int steps;
    private double bestValue = Double.NEGATIVE_INFINITY;
    private double bestError;
    private long bestStep = -1;
    private int sinceBest;
    private int evaluations;

    Trace(int capacity) {
        this.train = new float[capacity];
    }

    /** Records the training-batch value of a step (steps arrive in order, from 1). */
    void train(int step, float value) {
        train[step - 1] = value;
        steps = step;
    }

    /** Records an evaluation; returns the number of evaluations since the best one. */
    int validation(long step, double mean, double standardError) {
        evaluations++;
        if (mean > bestValue) {
            bestValue = mean;
            bestError = standardError;
            bestStep = step;
            sinceBest = 0;
        } else {
            sinceBest++;
        }
        return sinceBest;
    }

    /** The estimate by {@code rule}, with diagnostics. */
    Estimate toEstimate(EstimateRule rule, int window, long sampleCount, int batch) {
        Estimate e = rule == EstimateRule.BEST_VALIDATION ? bestValidation(sampleCount)
                : lastWindow(window, sampleCount);
        return e.withDiagnostic("steps", steps).withDiagnostic("evaluations", evaluations)
                .withDiagnostic("final-train-value", steps > 0 ? train[steps - 1] : Double.NaN)
                .withDiagnostic("log-batch-size", Math.log(batch));
    }

    /** The validation value at the best evaluation, with its batch standard error. */
    private Estimate bestValidation(long sampleCount) {
        if (bestStep < 0) {
            throw new EstimationException("no evaluation on validation rows was made; use estimate=last-window");
        }
        return Estimate.of(bestValue, sampleCount).withDiagnostic("validation-batch-stderr", bestError)
                .withDiagnostic("best-step", bestStep);
    }

    /** The mean training value over the last {@code window} steps, with its standard error. */
    private Estimate lastWindow(int window, long sampleCount) {
        int w = Math.min(window, steps);
        double sum = 0;
        double sumSq = 0;
        for (int i = steps - w; i < steps; i++) {
            sum += train[i];
            sumSq += (double) train[i] * train[i];
        }
        double mean = sum / w;
        double sd = w > 1 ? Math.sqrt(Math.max(0, (sumSq - w * mean * mean) / (w - 1))) : 0;
        return Estimate.of(mean, sampleCount).withDiagnostic("window-stderr", sd / Math.sqrt(w))
                .withDiagnostic("window", w);
    }
}
