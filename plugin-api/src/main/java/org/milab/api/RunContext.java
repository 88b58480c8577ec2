package org.milab.api;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.milab.api.param.Parameter;
import org.milab.api.param.ParameterValues;

/**
 * Everything an extension may touch while it runs: its validated parameters, a seeded random source, an
 * {@link NDManager} scope, a metrics sink, an artifacts folder, progress reporting and cancellation.
 *
 * <p>The seed is derived by the host from the experiment seed and the node id, so results do not depend on the
 * order in which nodes run. Extensions never seed from the clock or read global state.
 */
public interface RunContext {

    /** The id of the graph node (or CLI call) being run. */
    String nodeId();

    /** The seed of this node, derived from the experiment seed and {@link #nodeId()}. */
    long seed();

    /**
     * The generator of {@link #splittableRandom()}, typed as a plain {@link RandomGenerator}.
     *
     * @deprecated since 1.1.0: use {@link #splittableRandom()}, the same generator typed so that workers can
     *             {@code split()} it without a cast
     */
    @Deprecated(since = "1.1.0")
    RandomGenerator random();

    /**
     * A random generator seeded from {@link #seed()}; the same instance for the whole call. Workers take their own
     * with {@code splittableRandom().split()}.
     *
     * <p>Hosts return the instance behind {@link #random()}. The default, for hosts written against 1.0.0, returns
     * that instance when it is splittable and otherwise a new {@link SplittableRandom} seeded from {@link #seed()}.
     *
     * @since 1.1.0
     */
    default RandomGenerator.SplittableGenerator splittableRandom() {
        return random() instanceof RandomGenerator.SplittableGenerator s ? s : new SplittableRandom(seed());
    }

    /** The validated parameters of this extension. */
    ParameterValues parameters();

    /** Shorthand for {@code parameters().get(parameter)}. */
    default <T> T param(Parameter<T> parameter) {
        return parameters().get(parameter);
    }

    /** Records one scalar of a metric series (for example a training loss) at a step. */
    void metric(String name, long step, double value);

    /** A folder this node owns for files it writes (figures, checkpoints); created on first use. */
    Path artifactsDir();

    /** Reports progress: {@code done} of {@code total} units of work. */
    void progress(long done, long total);

    /** Whether the user asked to stop; long loops check it and end early by throwing. */
    boolean cancelled();

    /** Throws {@link MilabException} when {@link #cancelled()}. */
    default void checkCancelled() {
        if (cancelled()) {
            throw new MilabException("node '" + nodeId() + "' was cancelled");
        }
    }

    /**
     * The tensor scope of this call. The host creates it lazily (the engine costs seconds to load, so extensions
     * that never call this never pay for it) and closes it when the call returns: open a sub-manager per step.
     */
    NDManager ndManager();

    /**
     * A tensor scope that outlives this call and lasts until the whole run ends, for results that later nodes use
     * (the blocks of a {@link org.milab.api.train.TrainingResult}). Use {@link #ndManager()} for everything else.
     */
    NDManager runManager();

    /**
     * Resolves another extension of role {@code role} by name ({@code plugin-id/name} or a unique bare name) and
     * binds {@code parameters} to its declarations, as a graph node would.
     *
     * @throws ConfigurationException when the name is unknown or ambiguous, or a parameter is invalid
     */
    <T extends MilabExtension> Configured<T> component(Class<T> role, String name, Map<String, ?> parameters);

    /** Resolves a component named by a {@link org.milab.api.param.ComponentSpec} parameter value. */
    default <T extends MilabExtension> Configured<T> component(Class<T> role,
                                                               org.milab.api.param.ComponentSpec spec) {
        return component(role, spec.name(), spec.parameters());
    }
}
