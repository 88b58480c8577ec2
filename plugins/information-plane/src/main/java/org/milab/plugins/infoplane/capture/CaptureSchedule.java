package org.milab.plugins.infoplane.capture;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * The epochs at which activations are captured: epoch 0 (the initialisation) and {@code count} epochs spaced evenly
 * in log(epoch) between 1 and {@code epochs}, rounded and de-duplicated (so early training, where the information
 * plane moves fastest, is sampled densely), always including the last epoch.
 */
final class CaptureSchedule {

    private final int[] epochs;

    private CaptureSchedule(int[] epochs) {
        this.epochs = epochs;
    }

    /** Log-spaced snapshots over {@code epochs} training epochs. */
    static CaptureSchedule logSpaced(int epochs, int count) {
        TreeSet<Integer> at = new TreeSet<>();
        at.add(0);
        at.add(epochs);
        for (int k = 0; k < count; k++) {
            double t = count == 1 ? 1 : (double) k / (count - 1);
            at.add((int) Math.round(Math.exp(t * Math.log(epochs))));
        }
        return new CaptureSchedule(at.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Whether {@code epoch} is captured. */
    boolean captures(int epoch) {
        return Arrays.binarySearch(epochs, epoch) >= 0;
    }

    /** The captured epochs, ascending. */
    int[] epochs() {
        return epochs.clone();
    }
}
