package org.milab.platform.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Everything the store knows about one run: the run, the plugins it used, its points with their nodes, and its
 * artifacts. Metric series are fetched separately ({@link RunStore#metrics(String)}), as they can be long.
 *
 * @param run       the run
 * @param plugins   plugins recorded in its provenance
 * @param points    sweep points in order (one point for a run without a sweep)
 * @param artifacts files below the nodes' {@code artifacts/} folders
 */
public record RunDetails(StoredRun run, List<Plugin> plugins, List<Point> points, List<Artifact> artifacts) {

    /** Copies the lists. */
    public RunDetails {
        plugins = List.copyOf(plugins);
        points = List.copyOf(points);
        artifacts = List.copyOf(artifacts);
    }

    /** A plugin: id, version, SHA-256 of its file. */
    public record Plugin(String id, String version, String sha256) {
    }

    /** A file of the run, relative to its folder, with its size. */
    public record Artifact(String path, long bytes) {
    }

    /**
     * One sweep point.
     *
     * @param index  its index in the sweep
     * @param status {@code ok} or {@code failed}
     * @param error  the failure message, when it failed
     * @param sweep  the swept values ({@code node.param} or {@code seed} to text)
     * @param nodes  nodes in execution order
     */
    public record Point(int index, String status, Optional<String> error, Map<String, String> sweep,
                        List<Node> nodes) {
        /** Copies. */
        public Point {
            sweep = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sweep));
            nodes = List.copyOf(nodes);
        }
    }

    /**
     * One node of a point.
     *
     * @param id         node id
     * @param extension  qualified extension name
     * @param seed       node seed
     * @param seconds    wall time
     * @param cached     whether it was served from the node cache
     * @param parameters parameter values as text
     * @param estimate   the estimate, for estimator nodes
     */
    public record Node(String id, String extension, long seed, double seconds, boolean cached,
                       Map<String, String> parameters, Optional<Estimate> estimate) {
        /** Copies. */
        public Node {
            parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        }
    }

    /**
     * An estimate with the known truth where there is one.
     *
     * @param nats   the estimate
     * @param stderr its standard error
     * @param truth  the true MI
     * @param n      samples used
     */
    public record Estimate(double nats, OptionalDouble stderr, OptionalDouble truth, long n) {
    }

    /** One value of a metric series written by a node ({@code metrics.csv}). */
    public record Metric(int point, String node, String metric, long step, double value) {
    }
}
