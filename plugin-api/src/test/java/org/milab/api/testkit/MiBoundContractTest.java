package org.milab.api.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.milab.api.bound.MiBound;

/** The bound contract passes for a correct bound (this class implements it) and each check fails for a defect. */
class MiBoundContractTest implements MiBoundContract {

    @Override
    public MiBound bound() {
        return new DonskerVaradhan(DonskerVaradhan.Defect.NONE);
    }

    @Override
    public double referenceValue(double[][] scores) {
        return DonskerVaradhan.reference(scores);
    }

    private static void fails(DonskerVaradhan.Defect defect, Consumer<MiBoundContract> check) {
        DonskerVaradhan bound = new DonskerVaradhan(defect);
        MiBoundContract c = new MiBoundContract() {
            @Override
            public MiBound bound() {
                return bound;
            }

            @Override
            public double referenceValue(double[][] scores) {
                return DonskerVaradhan.reference(scores);
            }
        };
        assertThrows(AssertionError.class, () -> check.accept(c), defect + " should fail this check");
    }

    @Test
    void eachCheckCatchesItsDefect() {
        fails(DonskerVaradhan.Defect.BIASED, MiBoundContract::contractMatchesItsFormula);
        fails(DonskerVaradhan.Defect.BIASED, MiBoundContract::contractUninformativeCriticGivesZero);
        fails(DonskerVaradhan.Defect.IGNORES_PAIRING, MiBoundContract::contractShufflingThePairingDestroysTheEstimate);
        fails(DonskerVaradhan.Defect.STATEFUL, MiBoundContract::contractSameInputsSameResult);
        fails(DonskerVaradhan.Defect.POSITIONAL, MiBoundContract::contractInvariantUnderRelabellingSamples);
        fails(DonskerVaradhan.Defect.ASYMMETRIC, MiBoundContract::contractSymmetricWhereDeclared);
        fails(DonskerVaradhan.Defect.NO_SHAPE_CHECK, MiBoundContract::contractRejectsTooFewRows);
        fails(DonskerVaradhan.Defect.NO_SHAPE_CHECK, MiBoundContract::contractRejectsMismatchedLengths);
        fails(DonskerVaradhan.Defect.HIDES_NAN, MiBoundContract::contractNaNIsNotHidden);
    }
}
