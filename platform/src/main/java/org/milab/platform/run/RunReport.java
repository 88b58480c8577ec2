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
 */
public record RunReport(ExperimentGraph graph, List<PointOutcome> points, Map<String, Object> results,
        RunDirectory folder, Optional<List<String>> reproduced) {

    /** Copies the lists. */
    public RunReport {
        points = List.copyOf(points);
        reproduced = reproduced.map(List::copyOf);
    }
}
