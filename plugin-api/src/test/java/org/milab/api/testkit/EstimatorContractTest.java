package org.milab.api.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.milab.api.estimate.Estimator;

/**
 * The estimator contract passes for a correct estimator (this class implements it) and each of its checks fails
 * for an estimator with the matching defect.
 */
class EstimatorContractTest implements EstimatorContract {

    @Override
    public Estimator estimator() {
        return new PearsonMi(PearsonMi.Defect.NONE);
    }

    /** n = 2000: sd of r is 1/sqrt(n) = 0.022, so that of I at rho = 0.6 is about 0.6 * 0.022 = 0.014; 4 sd. */
    @Override
    public KnownTruth knownTruth() {
        return KnownTruth.gaussian(2000, 0.6, 1, 0.06);
    }

    /** A contract instance for {@code defect}, declared {@code stochastic} or not. */
    private static EstimatorContract broken(PearsonMi.Defect defect, boolean stochastic) {
        EstimatorContractTest correct = new EstimatorContractTest();
        PearsonMi estimator = new PearsonMi(defect);
        return new EstimatorContract() {
            @Override
            public Estimator estimator() {
                return estimator;
            }

            @Override
            public KnownTruth knownTruth() {
                return correct.knownTruth();
            }

            @Override
            public boolean stochastic() {
                return stochastic;
            }
        };
    }

    private static void fails(PearsonMi.Defect defect, Consumer<EstimatorContract> check) {
        fails(defect, false, check);
    }

    private static void fails(PearsonMi.Defect defect, boolean stochastic, Consumer<EstimatorContract> check) {
        EstimatorContract c = broken(defect, stochastic);
        assertThrows(AssertionError.class, () -> check.accept(c), defect + " should fail this check");
    }

    @Test
    void eachCheckCatchesItsDefect() {
        fails(PearsonMi.Defect.BIASED, EstimatorContract::contractKnownTruthWithinDeclaredTolerance);
        fails(PearsonMi.Defect.BIASED, EstimatorContract::contractIndependentInputsGiveAboutZero);
        fails(PearsonMi.Defect.IGNORES_PAIRING, EstimatorContract::contractShufflingThePairingDestroysTheEstimate);
        fails(PearsonMi.Defect.UNSEEDED, EstimatorContract::contractSameSeedSameResult);
        fails(PearsonMi.Defect.SEED_IGNORED, true, EstimatorContract::contractSameSeedSameResult);
        fails(PearsonMi.Defect.ORDER_DEPENDENT, EstimatorContract::contractInvariantUnderRowPermutationAndRelabelling);
        fails(PearsonMi.Defect.NAME_DEPENDENT, EstimatorContract::contractInvariantUnderRowPermutationAndRelabelling);
        fails(PearsonMi.Defect.ASYMMETRIC, EstimatorContract::contractSymmetricWhereDeclared);
        fails(PearsonMi.Defect.NO_ROW_CHECK, EstimatorContract::contractRejectsTooFewRows);
        fails(PearsonMi.Defect.NO_NAN_CHECK, EstimatorContract::contractRejectsNaN);
        fails(PearsonMi.Defect.NO_LENGTH_CHECK, EstimatorContract::contractRejectsMismatchedLengths);
        fails(PearsonMi.Defect.VAGUE_MESSAGES, EstimatorContract::contractRejectsTooFewRows);
        fails(PearsonMi.Defect.VAGUE_MESSAGES, EstimatorContract::contractRejectsNaN);
        fails(PearsonMi.Defect.VAGUE_MESSAGES, EstimatorContract::contractRejectsMismatchedLengths);
    }

    /** The defects are narrow: each leaves the checks it is not aimed at passing. */
    @Test
    void defectsAreNarrow() {
        broken(PearsonMi.Defect.ASYMMETRIC, false).contractKnownTruthWithinDeclaredTolerance();
        broken(PearsonMi.Defect.ORDER_DEPENDENT, false).contractSymmetricWhereDeclared();
        broken(PearsonMi.Defect.UNSEEDED, false).contractShufflingThePairingDestroysTheEstimate();
        broken(PearsonMi.Defect.NO_NAN_CHECK, false).contractRejectsTooFewRows();
    }

    /** An extension without a citation fails the extension contract. */
    @Test
    void missingCitationsFail() {
        ExtensionContract uncited = () -> new Estimator() {
            @Override
            public org.milab.api.ExtensionInfo info() {
                return org.milab.api.ExtensionInfo.of("uncited", "No reference.");
            }

            @Override
            public org.milab.api.estimate.Estimate estimate(org.milab.api.data.Samples x,
                                                            org.milab.api.data.Samples y, org.milab.api.RunContext c) {
                return org.milab.api.estimate.Estimate.of(0, x.rows());
            }
        };
        assertThrows(AssertionError.class, uncited::citationsAreComplete);
    }
}
