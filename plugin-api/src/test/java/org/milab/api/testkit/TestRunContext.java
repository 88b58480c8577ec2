package org.milab.api.testkit;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.milab.api.ConfigurationException;
import org.milab.api.Configured;
import org.milab.api.MilabExtension;
import org.milab.api.RunContext;
import org.milab.api.param.ParameterValues;

/**
 * A {@link RunContext} for unit tests of extensions, outside the host: parameters are bound against the
 * extension's own declarations (so tests catch undeclared or ill-typed parameters exactly as the host would),
 * metrics are kept in memory, and the tensor manager is created on first use and closed by {@link #close()}.
 *
 * <pre>{@code
 * try (TestRunContext ctx = TestRunContext.of(new Ksg1(), 42, Map.of("k", 5))) { ... }
 * }</pre>
 */
public final class TestRunContext implements RunContext, AutoCloseable {

    /** One recorded metric value. */
    public record Metric(String name, long step, double value) {
    }

    private final long seed;
    private final SplittableRandom random;
    private final ParameterValues parameters;
    private final List<Metric> metrics = new ArrayList<>();
    private final List<MilabExtension> components = new ArrayList<>();
    private Path artifacts;
    private NDManager manager;
    private NDManager runManager;

    private TestRunContext(long seed, ParameterValues parameters) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.parameters = parameters;
    }

    /** A context for {@code extension} with raw parameter values bound against its declarations. */
    public static TestRunContext of(MilabExtension extension, long seed, Map<String, ?> rawParameters) {
        return new TestRunContext(seed, extension.info().bind(new LinkedHashMap<>(rawParameters)));
    }

    /** A context for {@code extension} with default parameters. */
    public static TestRunContext of(MilabExtension extension, long seed) {
        return of(extension, seed, Map.of());
    }

    /** Makes {@code extensions} resolvable through {@link #component}; returns this context. */
    public TestRunContext withComponents(MilabExtension... extensions) {
        components.addAll(List.of(extensions));
        return this;
    }

    @Override
    public <T extends MilabExtension> Configured<T> component(Class<T> role, String name, Map<String, ?> params) {
        for (MilabExtension e : components) {
            if (role.isInstance(e) && e.info().name().equals(name)) {
                TestRunContext child = new TestRunContext(random.nextLong(), e.info().bind(new LinkedHashMap<>(params)));
                child.components.addAll(components);
                return new Configured<>(role.cast(e), child);
            }
        }
        throw new ConfigurationException("component '" + name + "'", "no " + role.getSimpleName()
                + " of that name was registered with TestRunContext.withComponents");
    }

    @Override
    public String nodeId() {
        return "test";
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    @Deprecated
    public RandomGenerator random() {
        return random;
    }

    @Override
    public RandomGenerator.SplittableGenerator splittableRandom() {
        return random;
    }

    @Override
    public ParameterValues parameters() {
        return parameters;
    }

    @Override
    public void metric(String name, long step, double value) {
        metrics.add(new Metric(name, step, value));
    }

    /** The metrics recorded so far. */
    public List<Metric> metrics() {
        return List.copyOf(metrics);
    }

    @Override
    public Path artifactsDir() {
        if (artifacts == null) {
            try {
                artifacts = Files.createTempDirectory("milab-test-artifacts");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return artifacts;
    }

    @Override
    public void progress(long done, long total) {
        // tests do not show progress
    }

    @Override
    public boolean cancelled() {
        return false;
    }

    @Override
    public synchronized NDManager ndManager() {
        if (manager == null) {
            manager = NDManager.newBaseManager();
        }
        return manager;
    }

    @Override
    public synchronized NDManager runManager() {
        if (runManager == null) {
            runManager = NDManager.newBaseManager();
        }
        return runManager;
    }

    @Override
    public void close() {
        if (manager != null) {
            manager.close();
        }
        if (runManager != null) {
            runManager.close();
        }
    }
}
