package org.milab.platform.screen;

import java.util.List;
import java.util.function.IntConsumer;

/** Where a feature screen runs: threads of this JVM ({@link LocalScreen}) or a cluster's tasks. */
public interface ScreenEngine {

    /**
     * Scores every feature of {@code data} with {@code job}.
     *
     * @param progress told the number of features done so far, now and then
     * @return one score per feature, in the order of {@code data}'s names (failures included)
     * @throws org.milab.api.ConfigurationException when the estimator or its parameters are invalid
     */
    List<FeatureScore> screen(ScreenJob job, FeatureColumns data, IntConsumer progress);
}
