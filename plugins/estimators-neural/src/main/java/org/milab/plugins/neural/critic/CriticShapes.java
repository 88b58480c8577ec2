package org.milab.plugins.neural.critic;

import ai.djl.ndarray.types.Shape;
import org.milab.api.ConfigurationException;

/**
 * The shape a critic factory receives: {@code (batch, dx, dy)}; see the package documentation for the whole
 * critic convention.
 */
public final class CriticShapes {

    private CriticShapes() {
    }

    /** The build shape for batches of {@code batch} pairs of a {@code dx}-dimensional x and {@code dy}-dimensional y. */
    public static Shape of(long batch, long dx, long dy) {
        return new Shape(batch, dx, dy);
    }

    /** The dimension of x in a build shape. */
    public static long dx(Shape build) {
        check(build);
        return build.get(1);
    }

    /** The dimension of y in a build shape. */
    public static long dy(Shape build) {
        check(build);
        return build.get(2);
    }

    private static void check(Shape build) {
        if (build.dimension() != 3) {
            throw new ConfigurationException("critic", "a critic is built for a shape (batch, dx, dy), got " + build
                    + "; critics are meant for the variational estimators");
        }
    }
}
