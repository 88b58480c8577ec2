package org.milab.api.data;

import java.util.Set;
import org.milab.api.MilabExtension;
import org.milab.api.RunContext;
import org.milab.api.param.ParameterValues;

/**
 * Extension point for datasets: synthetic generators (which report their ground truth) and file readers.
 * In a graph, a dataset node's views are wired as {@code node.view}.
 */
public interface DatasetProvider extends MilabExtension {

    /** Generates or reads the dataset, seeded from {@code ctx}. */
    Dataset load(RunContext ctx);

    /**
     * The views {@link #load} will produce with these parameters, when known without loading, so that a graph's
     * wiring is checked before anything runs. Empty means "only known after loading".
     */
    default Set<String> declaredViews(ParameterValues parameters) {
        return Set.of();
    }

    /**
     * How many {@code double} values {@link #load} will hold with these parameters, over all views (rows x columns
     * summed), when known without loading; the host compares it with the Java array limit and the heap before
     * anything runs. Compute it in {@code long} arithmetic. Empty means "not known in advance".
     *
     * @since 1.1.0
     */
    default java.util.OptionalLong plannedValues(ParameterValues parameters) {
        return java.util.OptionalLong.empty();
    }
}
