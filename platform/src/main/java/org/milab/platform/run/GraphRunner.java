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
import org.milab.api.data.GroundTruth;
import org.milab.api.estimate.Estimate;
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
        /** A listener that ignores everything (a remote task has no console). */
        Listener NONE = new Listener() {
            @Override
            public void started(String id, int point, int points) {
            }

            @Override
            public void finished(String id, double seconds) {
            }

            @Override
            public void progress(String nodeId, long done, long total) {
            }
        };

        /** Node {@code id} starts (point {@code point} of {@code points}). */
        void started(String id, int point, int points);

        /** Node {@code id} finished in {@code seconds}. */
        void finished(String id, double seconds);
    }

    private final ExtensionRegistry registry;
    private final AtomicBoolean cancelled;
    private final Listener listener;
    private final Optional<CacheKeys> keys;
    private final Optional<NodeCache> cache;

    /** A runner over {@code registry}'s extensions, without a node cache. */
    public GraphRunner(ExtensionRegistry registry, AtomicBoolean cancelled, Listener listener) {
        this(registry, cancelled, listener, Optional.empty(), Optional.empty());
    }

    /**
     * A runner that serves nodes from {@code cache} when their {@link CacheKeys key} is there, and stores the
     * cacheable results it computes.
     */
    public GraphRunner(ExtensionRegistry registry, AtomicBoolean cancelled, Listener listener, Optional<CacheKeys> keys,
                       Optional<NodeCache> cache) {
        this.registry = registry;
        this.cancelled = cancelled;
        this.listener = listener;
        this.keys = keys;
        this.cache = keys.isPresent() ? cache : Optional.empty();
    }

    /**
     * Runs every plan in order; node folders go below {@code folder} as {@link RunLayout} says. Node seeds derive
     * from each plan's experiment seed ({@code seed} unless a {@code seeds:} sweep set another) and the node id.
     *
     * @throws NodeFailure when a node throws, naming the node and extension
     */
    public List<PointOutcome> run(List<Plan> plans, long seed, Path folder) {
        List<PointOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            PointOutcome p = runPoint(plans.get(i), i, plans.size(), folder);
            if (p.failure().isPresent()) {
                throw p.failure().get();
            }
            outcomes.add(p);
        }
        return outcomes;
    }

    /**
     * Runs point {@code point} of {@code points}. A node that fails ends the point, not the run: the outcome then
     * holds the nodes that finished and the failure.
     *
     * @throws Cancelled when the run was cancelled (Ctrl-C)
     */
    public PointOutcome runPoint(Plan plan, int point, int points, Path folder) {
        PointState state = new PointState(plan, point, points, folder);
        try (RunScope scope = new RunScope()) {
            for (PlannedNode node : plan.nodes()) {
                if (cancelled.get()) {
                    throw new Cancelled("the run was cancelled before node '" + node.id() + "'");
                }
                state.add(node, runNode(node, state, scope));
            }
        } catch (NodeFailure e) {
            return new PointOutcome(plan.point(), state.outcomes, Optional.of(e));
        }
        return new PointOutcome(plan.point(), state.outcomes);
    }

    /** What the nodes of one point share: the point, its folder and seed, what the earlier nodes produced. */
    private static final class PointState {
        private final int point;
        private final int points;
        private final Path base;
        private final long seed;
        private final Map<String, Map<String, Object>> produced = new HashMap<>();
        private final Map<String, String> nodeKeys = new HashMap<>();
        private final List<NodeOutcome> outcomes = new ArrayList<>();

        PointState(Plan plan, int point, int points, Path folder) {
            this.point = point;
            this.points = points;
            this.base = folder.resolve(RunLayout.pointFolder(point, points));
            this.seed = plan.graph().seed().value();
        }

        void add(PlannedNode node, NodeOutcome outcome) {
            produced.put(node.id(), outcome.outputs());
            outcomes.add(outcome);
        }
    }

    /** The node's outcome from the node cache when it is there, else computed (and then cached when it can be). */
    private NodeOutcome runNode(PlannedNode node, PointState state, RunScope scope) {
        long nodeSeed = Seeds.derive(state.seed, node.id());
        Optional<String> key = keys.flatMap(k -> k.key(node, nodeSeed, state.nodeKeys));
        key.ifPresent(k -> state.nodeKeys.put(node.id(), k));
        Path nodeFolder = state.base.resolve(node.id());
        Optional<NodeOutcome> hit = key.flatMap(k -> cache.flatMap(c -> c.lookup(k, node, nodeFolder)));
        if (hit.isPresent()) {
            return hit.get();
        }
        NodeOutcome outcome = compute(node, nodeSeed, nodeFolder, state, scope);
        key.ifPresent(k -> cache.ifPresent(c -> c.store(k, outcome, nodeFolder)));
        return outcome;
    }

    private NodeOutcome compute(PlannedNode node, long nodeSeed, Path nodeFolder, PointState state, RunScope scope) {
        long t0 = System.nanoTime();
        Map<String, Object> out = execute(node, nodeSeed, nodeFolder, state, scope);
        double seconds = (System.nanoTime() - t0) / 1e9;
        listener.finished(node.id(), seconds);
        // an estimate of another quantity (matrix Renyi MI, say) is not compared with the Shannon truth; the truth
        // comes from the upstream dataset node, already in produced
        Optional<GroundTruth> truth = out.get(NodeKinds.ESTIMATE) instanceof Estimate e && e.quantity().isPresent()
                ? Optional.empty() : truth(node, state.produced);
        return new NodeOutcome(node, nodeSeed, seconds, out, truth);
    }

    /** Wires the node's inputs and runs its extension; a failure (not a cancellation) becomes a {@link NodeFailure}. */
    private Map<String, Object> execute(PlannedNode node, long nodeSeed, Path nodeFolder, PointState state,
            RunScope scope) {
        try {
            Map<String, Object> wired = wire(node, state.produced);
            listener.started(node.id(), state.point, state.points);
            try (HostRunContext ctx = new HostRunContext(node.id(), nodeSeed, node.parameters(), nodeFolder, registry,
                    cancelled, listener, scope)) {
                return node.kind().run(node.extension(), Inputs.of(wired), node.hostParameters(), ctx);
            }
        } catch (Cancelled e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError e) {
            throw new NodeFailure(node, e);
        }
    }

    /** The node's inputs, by port, from what the earlier nodes produced. */
    private static Map<String, Object> wire(PlannedNode node, Map<String, Map<String, Object>> produced) {
        Map<String, Object> wired = new LinkedHashMap<>();
        node.inputs().forEach((port, ref) -> wired.put(port, value(ref, produced)));
        return wired;
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

    /** The run was cancelled (Ctrl-C) between nodes. */
    public static final class Cancelled extends MilabException {
        private static final long serialVersionUID = 1L;

        Cancelled(String message) {
            super(message);
        }
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
