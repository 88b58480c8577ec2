package org.milab.platform.screen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.milab.api.Inputs;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimate;
import org.milab.platform.graph.GraphValidator;
import org.milab.platform.graph.Located;
import org.milab.platform.graph.NodeKinds;
import org.milab.platform.graph.NodeSpec;
import org.milab.platform.graph.ParameterSets;
import org.milab.platform.graph.PlannedNode;
import org.milab.platform.graph.SourcePosition;
import org.milab.platform.plugins.ExtensionHandle;
import org.milab.platform.plugins.ExtensionRegistry;
import org.milab.platform.plugins.Role;
import org.milab.platform.run.ErrorText;
import org.milab.platform.run.HostRunContext;
import org.milab.platform.run.RunScope;
import org.milab.platform.run.Seeds;

/**
 * Estimates I(feature; target) for one feature column at a time with one bound estimator node, run as a graph's
 * estimator node runs (host parameters such as {@code stderr: subsample} included). Feature {@code f} is seeded
 * with {@code Seeds.derive(seed, f)}, so a score does not depend on which machine, thread or partition computed
 * it. Safe to share between threads.
 */
public final class FeatureScreen implements AutoCloseable {

    private final ExtensionRegistry registry;
    private final ExtensionHandle extension;
    private final PlannedNode node;
    private final long seed;
    private final Path scratch;

    /**
     * Binds {@code job}'s estimator and parameters.
     *
     * @throws org.milab.api.ConfigurationException when the estimator or a parameter is unknown or invalid
     */
    public FeatureScreen(ExtensionRegistry registry, ScreenJob job) {
        this.registry = registry;
        this.extension = registry.resolve(job.estimator(), List.of(Role.ESTIMATOR), "--estimator");
        Map<String, Located<Object>> params = ParameterSets.parse(job.sets());
        this.node = GraphValidator.bindAndCheck(new NodeSpec("screen", new Located<>(extension.qualifiedName(),
                SourcePosition.of("--estimator")), params, Map.of(), SourcePosition.of("milab screen")), extension,
                NodeKinds.ESTIMATORS, registry);
        this.seed = job.seed();
        try {
            this.scratch = Files.createTempDirectory("milab-screen");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The estimator's qualified name. */
    public String estimator() {
        return extension.qualifiedName();
    }

    /** The bound parameters as text (host parameters included). */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>(node.parameters().asText());
        p.putAll(node.hostParameters().asText());
        return p;
    }

    /** The MI of feature {@code name} (values {@code column}) with {@code target}; a failure is returned, not thrown. */
    public FeatureScore score(String name, double[] column, Samples target) {
        long t0 = System.nanoTime();
        Map<String, Object> wired = new LinkedHashMap<>();
        wired.put("x", Samples.ofColumns(List.of(name), column));
        wired.put("y", target);
        try (RunScope scope = new RunScope(); HostRunContext ctx = context(name, scope)) {
            Estimate e = (Estimate) NodeKinds.ESTIMATORS.run(extension, Inputs.of(wired), node.hostParameters(), ctx)
                    .get(NodeKinds.ESTIMATE);
            double se = e.standardError().isPresent() ? e.standardError().getAsDouble() : Double.NaN;
            return new FeatureScore(name, e.nats(), se, e.sampleCount(), (System.nanoTime() - t0) / 1e9, "");
        } catch (RuntimeException e) {
            return new FeatureScore(name, Double.NaN, Double.NaN, column.length, (System.nanoTime() - t0) / 1e9,
                    ErrorText.of(e).replaceFirst("^milab: ", ""));
        }
    }

    /** A context seeded for feature {@code name}, in a scratch folder of this thread, with no progress. */
    private HostRunContext context(String name, RunScope scope) {
        return new HostRunContext("screen", Seeds.derive(seed, name), node.parameters(),
                scratch.resolve("thread-" + Thread.currentThread().getId()), registry, new AtomicBoolean(),
                (id, done, total) -> { }, scope);
    }

    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(scratch)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // scratch space; nothing to report
        }
    }
}
