package org.milab.platform.run;

import ai.djl.ndarray.NDManager;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.milab.api.ConfigurationException;
import org.milab.api.Configured;
import org.milab.api.MilabExtension;
import org.milab.api.RunContext;
import org.milab.api.param.ParameterValues;
import org.milab.platform.plugins.ExtensionHandle;
import org.milab.platform.plugins.ExtensionRegistry;
import org.milab.platform.plugins.Role;

/**
 * The host's {@link RunContext} for one node call: seeded randomness, metrics appended to
 * {@code metrics.csv} in the node's folder, an artifacts folder, a lazily created tensor manager (the DJL engine
 * is only loaded when a node asks for it), and components resolved through the registry.
 */
public final class HostRunContext implements RunContext, AutoCloseable {

    private final String nodeId;
    private final long seed;
    private final SplittableRandom random;
    private final ParameterValues parameters;
    private final Path folder;
    private final ExtensionRegistry registry;
    private final AtomicBoolean cancelled;
    private final ProgressListener progress;
    private final RunScope runScope;
    private final java.util.List<HostRunContext> children = new java.util.ArrayList<>();
    /**
     * Metrics are appended here and renamed to {@code metrics.csv} when the node ends, so a cut-off file is never
     * mistaken for a complete one (a killed run leaves {@code metrics.csv.part}).
     */
    private static final String METRICS_PART = "metrics.csv.part";

    private BufferedWriter metrics;
    private NDManager manager;

    /** Receives progress reports. */
    @FunctionalInterface
    public interface ProgressListener {
        /** {@code done} of {@code total} units for node {@code nodeId}. */
        void progress(String nodeId, long done, long total);
    }

    /**
     * A context for one call.
     *
     * @param folder    the node's folder (metrics and artifacts go below it)
     * @param cancelled shared cancellation flag (set on Ctrl-C)
     * @param runScope  the tensor scope of the whole run
     */
    public HostRunContext(String nodeId, long seed, ParameterValues parameters, Path folder, ExtensionRegistry registry,
                          AtomicBoolean cancelled, ProgressListener progress, RunScope runScope) {
        this.nodeId = nodeId;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.parameters = parameters;
        this.folder = folder;
        this.registry = registry;
        this.cancelled = cancelled;
        this.progress = progress;
        this.runScope = runScope;
    }

    @Override
    public String nodeId() {
        return nodeId;
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
    public synchronized void metric(String name, long step, double value) {
        try {
            if (metrics == null) {
                Files.createDirectories(folder);
                metrics = Files.newBufferedWriter(folder.resolve(METRICS_PART));
                metrics.write("metric,step,value\n");
            }
            metrics.write(name + "," + step + "," + String.format(Locale.ROOT, "%.17g", value) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write metrics of node '" + nodeId + "'", e);
        }
    }

    @Override
    public Path artifactsDir() {
        Path dir = folder.resolve("artifacts");
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    @Override
    public void progress(long done, long total) {
        progress.progress(nodeId, done, total);
    }

    @Override
    public boolean cancelled() {
        return cancelled.get();
    }

    @Override
    public synchronized NDManager ndManager() {
        if (manager == null) {
            manager = NDManager.newBaseManager();
        }
        return manager;
    }

    @Override
    public NDManager runManager() {
        return runScope.manager();
    }

    @Override
    public <T extends MilabExtension> Configured<T> component(Class<T> role, String name, Map<String, ?> params) {
        java.util.List<Role> roles = java.util.Arrays.stream(Role.values()).filter(r -> r.type() == role).toList();
        ExtensionHandle h = registry.resolve(name, roles, "node '" + nodeId + "'");
        ParameterValues bound = bind(h, name, params);
        String childId = nodeId + "/" + h.name();
        HostRunContext child = new HostRunContext(childId, Seeds.derive(seed, h.name()), bound,
                folder.resolve(h.name()), registry, cancelled, progress, runScope);
        synchronized (this) {
            children.add(child);
        }
        return new Configured<>(h.as(role), child);
    }

    /** The component's parameters bound to its declarations; problems name this node and the component. */
    private ParameterValues bind(ExtensionHandle h, String name, Map<String, ?> params) {
        try {
            return h.info().bind(new LinkedHashMap<>(params));
        } catch (ConfigurationException e) {
            throw new ConfigurationException(e.problems().stream().map(p -> new org.milab.api.Problem(
                    "node '" + nodeId + "', component '" + name + "', " + p.where(), p.message())).toList());
        }
    }

    @Override
    public synchronized void close() {
        children.forEach(HostRunContext::close);
        try {
            closeMetrics();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (manager != null) {
                manager.close();
            }
        }
    }

    /** Closes the metrics file, if any, and renames it to {@code metrics.csv}. */
    private void closeMetrics() throws IOException {
        if (metrics != null) {
            metrics.close();
            Files.move(folder.resolve(METRICS_PART), folder.resolve("metrics.csv"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
