package org.milab.platform.run;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one sweep point (the only point when there is no sweep).
 *
 * @param point swept values ({@code node.param} to value)
 * @param nodes node outcomes in execution order
 */
public record PointOutcome(Map<String, Object> point, List<NodeOutcome> nodes) {
}
