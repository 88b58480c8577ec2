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
 * @param cached  whether the outputs were served from the node cache (or a resumed run's journal) instead of
 *                computed; {@code seconds} is then the time the original computation took
 */
public record NodeOutcome(PlannedNode node, long seed, double seconds, Map<String, Object> outputs,
                          Optional<GroundTruth> truth, boolean cached) {

    /** A computed (not cached) outcome. */
    public NodeOutcome(PlannedNode node, long seed, double seconds, Map<String, Object> outputs,
                       Optional<GroundTruth> truth) {
        this(node, seed, seconds, outputs, truth, false);
    }

    /**
     * ln(estimate / truth), the scale-free error used by the BMI benchmark (Czyz et al. 2023); present when both are
     * positive and finite.
     */
    public java.util.OptionalDouble logRatio() {
        if (truth.isEmpty() || !(outputs.get("estimate") instanceof org.milab.api.estimate.Estimate e)) {
            return java.util.OptionalDouble.empty();
        }
        double t = truth.get().nats();
        boolean ok = e.nats() > 0 && t > 0 && Double.isFinite(t) && Double.isFinite(e.nats());
        return ok ? java.util.OptionalDouble.of(Math.log(e.nats() / t)) : java.util.OptionalDouble.empty();
    }
}
