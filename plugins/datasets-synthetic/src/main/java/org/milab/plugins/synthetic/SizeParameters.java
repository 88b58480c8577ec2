package org.milab.plugins.synthetic;

import org.milab.api.param.Parameter;

/** The size parameters the generators share: the number of samples and the dimensions of x and y. */
final class SizeParameters {

    /** {@code n}, 1000 samples by default. */
    static final Parameter<Integer> N = samples(1000, "number of samples");

    private SizeParameters() {
    }

    /** {@code n} with another default or description. */
    static Parameter<Integer> samples(int defaultValue, String description) {
        return Parameter.integer("n").defaultValue(defaultValue).min(1).description(description).build();
    }

    /** {@code dim-x}. */
    static Parameter<Integer> dimX(int defaultValue) {
        return dimension("dim-x", "x", defaultValue);
    }

    /** {@code dim-y}. */
    static Parameter<Integer> dimY(int defaultValue) {
        return dimension("dim-y", "y", defaultValue);
    }

    private static Parameter<Integer> dimension(String name, String view, int defaultValue) {
        return Parameter.integer(name).defaultValue(defaultValue).min(1).description("dimension of " + view).build();
    }
}
