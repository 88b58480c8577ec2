package org.milab.platform.run;

import java.util.Map;
import java.util.Optional;
import org.milab.api.data.GroundTruth;
import org.milab.platform.graph.PlannedNode;

/**
 * What one node produced.
 *
 * @param node    the planned node
 * @param seed    its seed
 * @param seconds wall time of the call
 * @param outputs outputs by port
 * @param truth   for estimator nodes fed by two views of one dataset: the known MI of that pair
 */
public record NodeOutcome(PlannedNode node, long seed, double seconds, Map<String, Object> outputs,
                          Optional<GroundTruth> truth) {
}
