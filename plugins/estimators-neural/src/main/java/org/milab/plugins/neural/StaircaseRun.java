package org.milab.plugins.neural;

/**
 * The per-step training values of one bound over the staircase.
 *
 * @param label      the bound as written, e.g. {@code smile(tau=5)}
 * @param values     value at step i+1; filled up to {@link #steps()}
 * @param steps      number of steps run (fewer than planned when it diverged)
 * @param divergedAt the step at which training diverged, or 0
 * @param message    the divergence message, or empty
 */
record StaircaseRun(String label, float[] values, int steps, int divergedAt, String message) {

    /** Mean and variance of the values of steps {@code from..to} (1-based, inclusive), clipped to the steps run. */
    double[] meanAndVariance(int from, int to) {
        int last = Math.min(to, steps);
        int count = last - from + 1;
        if (count < 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double sum = 0;
        for (int i = from - 1; i < last; i++) {
            sum += values[i];
        }
        double mean = sum / count;
        double ss = 0;
        for (int i = from - 1; i < last; i++) {
            ss += (values[i] - mean) * (values[i] - mean);
        }
        return new double[] {mean, ss / (count - 1)};
    }
}
