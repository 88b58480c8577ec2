package org.milab.platform.run;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.milab.platform.graph.ExperimentGraph;

/**
 * What a finished run produced.
 *
 * @param graph the graph that ran
 * @param points every point's node outcomes, in sweep order
 * @param results the content of {@code results.json}
 * @param folder the run folder
 * @param reproduced when the run reproduced a recorded one: how its estimates differ (empty: identical)
 * @param restored how many points were read back from the journal of a resumed run instead of computed
 */
public record RunReport(ExperimentGraph graph, List<PointOutcome> points, Map<String, Object> results,
        RunDirectory folder, Optional<List<String>> reproduced, int restored) {

    /** A report of a run that resumed nothing. */
    public RunReport(ExperimentGraph graph, List<PointOutcome> points, Map<String, Object> results,
                     RunDirectory folder, Optional<List<String>> reproduced) {
        this(graph, points, results, folder, reproduced, 0);
    }

    /** Copies the lists. */
    public RunReport {
        points = List.copyOf(points);
        reproduced = reproduced.map(List::copyOf);
    }

    /** The points that failed, in sweep order, with their index. */
    public Map<Integer, RuntimeException> failures() {
        Map<Integer, RuntimeException> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < points.size(); i++) {
            int index = i;
            points.get(i).failure().ifPresent(f -> out.put(index, f));
        }
        return out;
    }
}
