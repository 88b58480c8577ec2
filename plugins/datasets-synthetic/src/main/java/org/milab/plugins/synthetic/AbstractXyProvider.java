package org.milab.plugins.synthetic;

import java.util.OptionalLong;
import java.util.Set;
import org.milab.api.data.DatasetProvider;
import org.milab.api.param.Parameter;
import org.milab.api.param.ParameterValues;

/**
 * Base of the generators whose dataset is the two views x (n x dim-x) and y (n x dim-y) and nothing else: it
 * declares those views and plans their n (dim-x + dim-y) values before anything is sampled. Subclasses name their
 * dimension parameters (one parameter for both views where x and y share a dimension) and write {@link #load}.
 *
 * <p>The plan is computed in {@code long} arithmetic throughout, as {@link DatasetProvider#plannedValues} asks.
 */
abstract class AbstractXyProvider implements DatasetProvider {

    private final Parameter<Integer> dimX;
    private final Parameter<Integer> dimY;

    /** Views of {@code dimX} and {@code dimY} columns; {@code n} rows from {@link SizeParameters#N}. */
    AbstractXyProvider(Parameter<Integer> dimX, Parameter<Integer> dimY) {
        this.dimX = dimX;
        this.dimY = dimY;
    }

    @Override
    public final Set<String> declaredViews(ParameterValues parameters) {
        return Set.of("x", "y");
    }

    @Override
    public final OptionalLong plannedValues(ParameterValues parameters) {
        return OptionalLong.of(parameters.get(SizeParameters.N) * ((long) parameters.get(dimX) + parameters.get(dimY)));
    }
}
