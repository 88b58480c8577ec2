package org.milab.platform.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.milab.api.Inputs;
import org.milab.api.MilabException;
import org.milab.api.data.Dataset;
import org.milab.api.estimate.Estimate;
import org.milab.api.data.GroundTruth;
import org.milab.platform.graph.NodeKinds;
import org.milab.platform.graph.Plan;
import org.milab.platform.graph.PlannedNode;
import org.milab.platform.graph.PortRef;
import org.milab.platform.plugins.ExtensionRegistry;

/**
 * Executes validated {@link Plan}s node by node in dependency order, feeding each node the outputs it is wired to.
 * Each node gets a {@link HostRunContext} seeded from the experiment seed and its id.
 */
public final class GraphRunner {

    /** Told when a node starts and ends. */
    public interface Listener extends HostRunContext.ProgressListener {
        /** Node {@code id} starts (point {@code point} of {@code points}). */
        void started(String id, int point, int points);

        /** Node {@code id} finished in {@code seconds}. */
        void finished(String id, double seconds);
    }

    private final ExtensionRegistry registry;
    private final AtomicBoolean cancelled;
    private final Listener listener;

    /** A runner over {@code registry}'s extensions. */
    public GraphRunner(ExtensionRegistry registry, AtomicBoolean cancelled, Listener listener) {
        this.registry = registry;
        this.cancelled = cancelled;
        this.listener = listener;
    }

    /**
     * Runs every plan; node folders go below {@code folder} as {@link RunLayout} says.
     *
     * @throws NodeFailure when a node throws, naming the node and extension
     */
    public List<PointOutcome> run(List<Plan> plans, long seed, Path folder) {
        List<PointOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            Path base = folder.resolve(RunLayout.pointFolder(i, plans.size()));
            try (RunScope scope = new RunScope()) {
                outcomes.add(runPoint(plans.get(i), seed, base, i, plans.size(), scope));
            }
        }
        return outcomes;
    }

    private PointOutcome runPoint(Plan plan, long seed, Path base, int point, int points, RunScope scope) {
        Map<String, Map<String, Object>> produced = new HashMap<>();
        List<NodeOutcome> outcomes = new ArrayList<>();
        for (PlannedNode node : plan.nodes()) {
            if (cancelled.get()) {
                throw new MilabException("the run was cancelled before node '" + node.id() + "'");
            }
            Map<String, Object> wired = new LinkedHashMap<>();
            node.inputs().forEach((port, ref) -> wired.put(port, value(ref, produced)));
            long nodeSeed = Seeds.derive(seed, node.id());
            listener.started(node.id(), point, points);
            long t0 = System.nanoTime();
            Map<String, Object> out;
            try (HostRunContext ctx = new HostRunContext(node.id(), nodeSeed, node.parameters(),
                    base.resolve(node.id()), registry, cancelled, listener, scope)) {
                out = node.kind().run(node.extension(), Inputs.of(wired), node.hostParameters(), ctx);
            } catch (RuntimeException | OutOfMemoryError e) {
                throw new NodeFailure(node, e);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            listener.finished(node.id(), seconds);
            produced.put(node.id(), out);
            Optional<GroundTruth> truth = out.get(NodeKinds.ESTIMATE) instanceof Estimate e
                    && e.quantity().isPresent() ? Optional.empty() : truth(node, produced);
            outcomes.add(new NodeOutcome(node, nodeSeed, seconds, out, truth));
        }
        return new PointOutcome(plan.point(), outcomes);
    }

    private static Object value(PortRef ref, Map<String, Map<String, Object>> produced) {
        Map<String, Object> out = produced.get(ref.node());
        Object v = out.get(ref.port());
        if (v == null) {
            throw new MilabException(ref.at() + ": node '" + ref.node() + "' produced no output '" + ref.port()
                    + "'; it produced " + String.join(", ", out.keySet()));
        }
        return v;
    }

    /**
     * The known MI between x and y when both are views of one dataset node (not used for an estimate of another
     * quantity, see {@link Estimate#quantity()}).
     */
    private static Optional<GroundTruth> truth(PlannedNode node, Map<String, Map<String, Object>> produced) {
        PortRef x = node.inputs().get("x");
        PortRef y = node.inputs().get("y");
        if (!NodeKinds.isEstimator(node.kind()) || x == null || y == null || node.inputs().containsKey("z")
                || !x.node().equals(y.node())) {
            return Optional.empty();
        }
        Object d = produced.get(x.node()).get(NodeKinds.DATASET);
        return d instanceof Dataset dataset ? dataset.trueMi(x.port(), y.port()) : Optional.empty();
    }

    /** A node threw: carries which node and extension. */
    public static final class NodeFailure extends MilabException {
        private static final long serialVersionUID = 1L;
        private final transient PlannedNode node;

        NodeFailure(PlannedNode node, Throwable cause) {
            super("node '" + node.id() + "' (" + node.extension().qualifiedName() + ") failed: " + reason(cause),
                    cause);
            this.node = node;
        }

        /** The cause in a sentence; resource exhaustion says what to change instead of a bare number. */
        private static String reason(Throwable cause) {
            if (cause instanceof OutOfMemoryError) {
                double gib = Runtime.getRuntime().maxMemory() / (double) (1L << 30);
                return "it ran out of memory (this JVM may use at most "
                        + String.format(java.util.Locale.ROOT, "%.1f GiB", gib) + ", -Xmx); lower n or the "
                        + "dimension, or raise the heap (e.g. JAVA_TOOL_OPTIONS=-Xmx16g)";
            }
            if (cause instanceof NegativeArraySizeException) {
                return "an array size overflowed (" + cause.getMessage() + "): the data would hold more than "
                        + "2^31 - 1 values in one array; lower n or the dimension";
            }
            return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        }

        /** The failed node. */
        public PlannedNode node() {
            return node;
        }
    }
}
