package org.milab.plugins.kd;

import java.util.List;
import org.milab.api.param.Parameter;

/**
 * A multi-stage schedule of the distillation weight, declared in YAML as {@code kd-schedule}: the epochs are cut
 * into as many equal stages as there are factors, and in stage j the distillation term is weighted
 * {@code kd-weight * factor_j}.
 *
 * <p>Epoch e of E (1-based) is in stage j = min(k - 1, floor((e - 1) k / E)) for k factors, so {@code [0, 1]}
 * trains the first half without distillation (warm-up on labels), {@code [1, 0.5, 0]} decays it in three steps and
 * {@code [1]} (the default) keeps it constant. With more factors than epochs some stages are skipped.
 *
 * @param factors the stage multipliers, each >= 0
 */
record KdSchedule(double[] factors) {

    static final Parameter<List<Double>> PARAMETER = Parameter.reals("kd-schedule").defaultValue(List.of(1.0))
            .min(0).description("multipliers of kd-weight over equal stages of the epochs, e.g. [0, 0.5, 1] (warm-up)"
                    + " or [1, 0.5, 0] (decay); [1]: constant").build();

    /** Every factor stays; an empty list means the constant schedule. */
    KdSchedule {
        factors = factors.length == 0 ? new double[] {1} : factors.clone();
    }

    static KdSchedule of(List<Double> factors) {
        return new KdSchedule(factors.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The multiplier in epoch {@code epoch} (1-based) of {@code epochs}. */
    double factor(int epoch, int epochs) {
        int k = factors.length;
        int stage = (int) Math.min(k - 1, (long) (Math.max(epoch, 1) - 1) * k / Math.max(epochs, 1));
        return factors[stage];
    }
}
