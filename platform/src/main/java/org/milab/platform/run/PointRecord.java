package org.milab.platform.run;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.milab.api.MilabException;
import org.milab.platform.graph.Plan;
import org.milab.platform.graph.PlannedNode;

/**
 * One sweep point's outcome in a form that travels between machines: each finished node's JSON form
 * ({@link ResultsWriter#node}), the error when the point failed, and the files its nodes wrote. The driver turns it
 * back into a {@link PointOutcome} ({@link #restore}) and records it exactly as a local point.
 *
 * @param index   the point's index in the sweep
 * @param nodes   the finished nodes' JSON forms by node id, in execution order
 * @param error   why the point failed (one-screen text); empty when it finished
 * @param files   files the nodes wrote (metrics, figures, artifacts), by path relative to {@code scratch}
 * @param scratch the folder the point ran in on the remote side (figure paths in {@code nodes} start with it)
 */
public record PointRecord(int index, Map<String, String> nodes, String error, Map<String, byte[]> files, String scratch)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Copies the collections; a failed record needs its error text. */
    public PointRecord {
        java.util.Objects.requireNonNull(error, "error");
        nodes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        files = Map.copyOf(files);
    }

    /** The record of point {@code index}, which ran in {@code scratch} (its node files are there). */
    public static PointRecord of(int index, PointOutcome point, Path scratch, Map<String, byte[]> files) {
        Map<String, String> nodes = new LinkedHashMap<>();
        point.nodes().forEach(n -> nodes.put(n.node().id(), Json.compact(ResultsWriter.node(n))));
        String error = point.error().map(e -> e.replaceFirst("^milab: ", "")).orElse("");
        return new PointRecord(index, nodes, error, files, scratch.toString());
    }

    /** The record of point {@code index}, which could not run at all. */
    public static PointRecord failed(int index, String error) {
        if (error.isEmpty()) {
            throw new IllegalArgumentException("a failed point needs its error text");
        }
        return new PointRecord(index, Map.of(), error, Map.of(), "");
    }

    /**
     * The point's outcome on this side: its files written below {@code runFolder}, its nodes read back (figure
     * paths moved from the remote scratch folder to the run folder), its error as a {@link RemoteFailure}.
     */
    public PointOutcome restore(Plan plan, RunDirectory runFolder) {
        files.forEach(runFolder::writeBytes);
        Map<String, PlannedNode> planned = new LinkedHashMap<>();
        plan.nodes().forEach(n -> planned.put(n.id(), n));
        Path remote = Path.of(scratch);
        List<NodeOutcome> outcomes = new ArrayList<>();
        nodes.forEach((id, text) -> outcomes.add(OutcomeCodec.restore(planned.get(id),
                (Map<?, ?>) Json.parseExact(text), p -> p.startsWith(remote) ? runFolder.path()
                        .resolve(remote.relativize(p)) : p, false)));
        Optional<RuntimeException> failure = error.isEmpty() ? Optional.empty()
                : Optional.of(new RemoteFailure(error));
        return new PointOutcome(plan.point(), outcomes, failure);
    }

    /** A point that failed on another machine: its message is the error text recorded there. */
    public static final class RemoteFailure extends MilabException {
        private static final long serialVersionUID = 1L;

        RemoteFailure(String message) {
            super(message);
        }
    }
}
