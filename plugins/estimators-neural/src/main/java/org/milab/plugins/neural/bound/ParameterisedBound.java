package org.milab.plugins.neural.bound;

import org.milab.api.RunContext;
import org.milab.api.bound.MiBound;

/**
 * A bound with parameters (SMILE's clip, MINE's moving-average decay, the interpolation weight of alpha-InfoNCE).
 * {@link MiBound#value} receives no {@link RunContext}, so a trainer asks such a bound for an immutable copy bound
 * to the validated parameters of its component context, and uses that copy for the whole run.
 *
 * <p>This stands in for a default method {@code MiBound bind(RunContext ctx)} (returning {@code this}) that the
 * SPI lacks; a lab's own parameterised bound implements it by depending on this plugin.
 */
public interface ParameterisedBound extends MiBound {

    /** This bound with the parameter values of {@code ctx} (the context of its {@code Configured} component). */
    MiBound withParameters(RunContext ctx);

    /** {@code bound} bound to its parameters when it has any, else {@code bound} itself. */
    static MiBound bind(MiBound bound, RunContext ctx) {
        return bound instanceof ParameterisedBound p ? p.withParameters(ctx) : bound;
    }
}
