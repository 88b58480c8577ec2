package org.milab.platform.screen;

import java.util.List;
import org.milab.api.data.Samples;

/**
 * The data of a screen: the target column(s) and every feature column, by name.
 *
 * @param target   the target (one or more columns)
 * @param names    the feature columns' names
 * @param features the feature columns' values, one array of n rows per name
 */
public record FeatureColumns(Samples target, List<String> names, List<double[]> features) {

    /** Checks that names and columns match. */
    public FeatureColumns {
        names = List.copyOf(names);
        features = List.copyOf(features);
        if (names.size() != features.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + features.size() + " feature columns");
        }
    }

    /** The number of features. */
    public int size() {
        return names.size();
    }
}
