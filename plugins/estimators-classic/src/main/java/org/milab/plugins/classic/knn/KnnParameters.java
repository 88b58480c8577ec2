package org.milab.plugins.classic.knn;

import org.milab.api.param.Parameter;
import org.milab.plugins.classic.common.ParallelSum;

/** Parameter declarations shared by the neighbour estimators, declared once so that they read the same everywhere. */
final class KnnParameters {

    static final Parameter<Integer> K = Parameter.integer("k").defaultValue(3).min(1)
            .description("number of nearest neighbours; larger k lowers variance and raises bias").build();

    /** Worker threads for the neighbour queries (the declaration all per-sample estimators share). */
    static final Parameter<Integer> THREADS = ParallelSum.THREADS;

    static final Parameter<Double> JITTER = Parameter.real("jitter").defaultValue(0.0).range(0, 1)
            .description("seeded Gaussian noise added to break ties, relative to max(1, mean |column|); 0 = none")
            .build();

    static final Parameter<Boolean> STANDARDISE = Parameter.bool("standardise").defaultValue(true)
            .description("divide every column by its standard deviation first (the max norm is not scale-free)")
            .build();

    private KnnParameters() {
    }
}
