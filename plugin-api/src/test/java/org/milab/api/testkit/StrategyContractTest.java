package org.milab.api.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.milab.api.data.Dataset;
import org.milab.api.train.TrainingStrategy;

/** The strategy contract passes for a correct strategy (this class) and each check fails for a defect. */
class StrategyContractTest implements StrategyContract {

    @Override
    public TrainingStrategy strategy() {
        return new MeanStrategy(MeanStrategy.Defect.NONE);
    }

    @Override
    public Map<String, Object> contractInputs() {
        return Map.of("dataset", data());
    }

    private static Dataset data() {
        var xy = ContractData.gaussian(50, 0.5, 1);
        return Dataset.builder("pairs").view("x", xy[0]).view("y", xy[1]).build();
    }

    private static void fails(MeanStrategy.Defect defect, Consumer<StrategyContract> check) {
        MeanStrategy strategy = new MeanStrategy(defect);
        StrategyContract c = new StrategyContract() {
            @Override
            public TrainingStrategy strategy() {
                return strategy;
            }

            @Override
            public Map<String, Object> contractInputs() {
                return Map.of("dataset", data());
            }
        };
        assertThrows(AssertionError.class, () -> check.accept(c), defect + " should fail this check");
    }

    @Test
    void eachCheckCatchesItsDefect() {
        fails(MeanStrategy.Defect.DUPLICATE_PORT, StrategyContract::contractDeclaresItsPorts);
        fails(MeanStrategy.Defect.UNSEEDED, StrategyContract::contractSameSeedSameResult);
        fails(MeanStrategy.Defect.NAN_METRIC, StrategyContract::contractResultsAreFinite);
        fails(MeanStrategy.Defect.VAGUE_MISSING_INPUT, StrategyContract::contractMissingInputIsNamed);
    }

    /** A port the set-up does not wire fails the port check. */
    @Test
    void unwiredRequiredPortsFail() {
        StrategyContract c = new StrategyContract() {
            @Override
            public TrainingStrategy strategy() {
                return new MeanStrategy(MeanStrategy.Defect.NONE);
            }

            @Override
            public Map<String, Object> contractInputs() {
                return Map.of();
            }
        };
        assertThrows(AssertionError.class, c::contractDeclaresItsPorts);
    }
}
