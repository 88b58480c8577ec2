package org.milab.platform.screen;

import java.io.Serializable;
import java.util.List;

/**
 * What a feature screen computes for every feature column: the MI with the target by one estimator, with its
 * parameters (host parameters such as {@code stderr} included) as {@code --set key=value} text, and the screen's
 * seed. Plain strings, so it travels to remote executors.
 *
 * @param estimator the estimator's name
 * @param sets      its parameters as {@code key=value}
 * @param seed      the screen's seed; feature {@code f} is estimated with seed {@code Seeds.derive(seed, f)}
 */
public record ScreenJob(String estimator, List<String> sets, long seed) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Copies {@code sets}. */
    public ScreenJob {
        sets = List.copyOf(sets);
    }
}
