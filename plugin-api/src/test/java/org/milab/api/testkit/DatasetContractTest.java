package org.milab.api.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.milab.api.data.DatasetProvider;

/** The dataset contract passes for a correct provider (this class) and each check fails for a defect. */
class DatasetContractTest implements DatasetContract {

    @Override
    public DatasetProvider dataset() {
        return new GaussianPairsProvider(GaussianPairsProvider.Defect.NONE);
    }

    @Override
    public Map<Map<String, ?>, String> invalidParameters() {
        return Map.of(Map.of("n", 1), "'n'");
    }

    private static void fails(GaussianPairsProvider.Defect defect, Consumer<DatasetContract> check) {
        GaussianPairsProvider provider = new GaussianPairsProvider(defect);
        DatasetContractTest correct = new DatasetContractTest();
        DatasetContract c = new DatasetContract() {
            @Override
            public DatasetProvider dataset() {
                return provider;
            }

            @Override
            public Map<Map<String, ?>, String> invalidParameters() {
                return correct.invalidParameters();
            }
        };
        assertThrows(AssertionError.class, () -> check.accept(c), defect + " should fail this check");
    }

    @Test
    void eachCheckCatchesItsDefect() {
        fails(GaussianPairsProvider.Defect.UNSEEDED, DatasetContract::contractSameSeedSameData);
        fails(GaussianPairsProvider.Defect.SEED_IGNORED, DatasetContract::contractOtherSeedChangesOnlyTheDraw);
        fails(GaussianPairsProvider.Defect.TRUTH_FROM_THE_SAMPLE, DatasetContract::contractOtherSeedChangesOnlyTheDraw);
        fails(GaussianPairsProvider.Defect.WRONG_DECLARED_VIEWS, DatasetContract::contractDeclaredViewsAreLoaded);
        fails(GaussianPairsProvider.Defect.LAX, DatasetContract::contractRejectsInvalidParameters);
    }

    /** NaN in a view: InvalidDataException is not an AssertionError, so the check reports it as an error. */
    @Test
    void nonFiniteViewsFail() {
        DatasetContract c = () -> new GaussianPairsProvider(GaussianPairsProvider.Defect.NAN);
        assertThrows(org.milab.api.InvalidDataException.class, c::contractViewsAreFiniteAndTruthIsExplained);
    }
}
