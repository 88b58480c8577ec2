package org.milab.api.analysis;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an analysis produced: tables, named scalars, plain-sentence verdicts and figure files (inside the node's
 * artifacts folder).
 *
 * @param tables   result tables
 * @param scalars  named numbers
 * @param verdicts plain sentences, e.g. "the CCH criterion predicts a gain"
 * @param figures  figure files
 */
public record AnalysisResult(List<Table> tables, Map<String, Double> scalars, List<String> verdicts,
                             List<Path> figures) {

    /** Copies everything. */
    public AnalysisResult {
        tables = List.copyOf(tables);
        scalars = Map.copyOf(scalars);
        verdicts = List.copyOf(verdicts);
        figures = List.copyOf(figures);
    }
}
