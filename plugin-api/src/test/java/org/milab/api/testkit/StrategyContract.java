package org.milab.api.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.milab.api.Inputs;
import org.milab.api.MilabException;
import org.milab.api.MilabExtension;
import org.milab.api.Port;
import org.milab.api.train.TrainingResult;
import org.milab.api.train.TrainingStrategy;

/**
 * What every {@link TrainingStrategy} must satisfy. A plugin's test class implements it and supplies the strategy
 * and a small, fast training set-up (its inputs, parameters and the components it resolves):
 *
 * <pre>{@code
 * class SupervisedTest implements StrategyContract {
 *     public TrainingStrategy strategy() { return new Supervised(); }
 *     public Map<String, Object> contractInputs() { return Map.of("dataset", TinyData.twoViews(200, 0.5, 1)); }
 *     public Map<String, ?> contractParameters() { return Map.of("input", "x1", "epochs", 2); }
 *     public MilabExtension[] contractComponents() { return new MilabExtension[] {new Mlp()}; }
 * }
 * }</pre>
 *
 * <p>Checks: its ports have unique names and the set-up wires every required one; the same seed gives the same
 * metrics and representations; metrics and representations are finite; leaving out a required input fails with a
 * {@link MilabException} naming the port.
 */
public interface StrategyContract extends ExtensionContract {

    /** The strategy under test. */
    TrainingStrategy strategy();

    /** The values wired into the strategy's ports for a small, fast run. */
    Map<String, Object> contractInputs();

    @Override
    default MilabExtension extension() {
        return strategy();
    }

    /** Parameters of the run; none by default. */
    default Map<String, ?> contractParameters() {
        return Map.of();
    }

    /** Extensions the run resolves as components (models, losses); none by default. */
    default MilabExtension[] contractComponents() {
        return new MilabExtension[0];
    }

    /** Trains with {@code inputs} and {@code seed}. */
    default TrainingResult contractTrain(Map<String, Object> inputs, long seed) {
        try (TestRunContext ctx = TestRunContext.of(strategy(), seed, contractParameters())) {
            ctx.withComponents(contractComponents());
            return strategy().train(Inputs.of(inputs), ctx);
        }
    }

    /** Port names are unique and the contract's set-up wires every required port. */
    @Test
    default void contractDeclaresItsPorts() {
        Set<String> names = new HashSet<>();
        for (Port p : strategy().inputs()) {
            assertTrue(names.add(p.name()), "port '" + p.name() + "' declared twice");
            assertTrue(p.optional() || contractInputs().containsKey(p.name()),
                    "required port '" + p.name() + "' is not wired by contractInputs()");
        }
        assertFalse(names.isEmpty(), "a training strategy needs at least one input port");
    }

    /** The same seed gives the same metrics and representations. */
    @Test
    default void contractSameSeedSameResult() {
        TrainingResult a = contractTrain(contractInputs(), 1);
        TrainingResult b = contractTrain(contractInputs(), 1);
        assertEquals(new TreeMap<>(a.metrics()), new TreeMap<>(b.metrics()), "metrics of two runs with seed 1");
        assertEquals(fingerprints(a), fingerprints(b), "representations of two runs with seed 1");
    }

    /** Metrics and representations are finite numbers. */
    @Test
    default void contractResultsAreFinite() {
        TrainingResult r = contractTrain(contractInputs(), 2);
        r.metrics().forEach((k, v) -> assertTrue(Double.isFinite(v), "metric " + k + " = " + v));
        r.representations().forEach((k, s) -> s.requireFinite("representation '" + k + "'"));
    }

    /** Leaving out a required input fails, naming the port. */
    @Test
    default void contractMissingInputIsNamed() {
        for (Port p : strategy().inputs()) {
            if (p.optional()) {
                continue;
            }
            Map<String, Object> without = new LinkedHashMap<>(contractInputs());
            without.remove(p.name());
            MilabException e = assertThrows(MilabException.class, () -> contractTrain(without, 3), p.name());
            assertTrue(e.getMessage() != null && e.getMessage().contains("'" + p.name() + "'"),
                    "the message should name port '" + p.name() + "': " + e.getMessage());
        }
    }

    private static Map<String, String> fingerprints(TrainingResult r) {
        Map<String, String> out = new TreeMap<>();
        r.representations().forEach((k, s) -> out.put(k, s.fingerprint()));
        return out;
    }
}
