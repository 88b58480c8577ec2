package org.milab.api.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.InvalidDataException;
import org.milab.api.MilabExtension;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimate;
import org.milab.api.estimate.Estimator;

/**
 * What every {@link Estimator} of I(X;Y) must satisfy. A plugin's test class implements it and supplies the
 * estimator and a {@link #knownTruth() known-truth case} with its declared tolerance:
 *
 * <pre>{@code
 * class Ksg1Test implements EstimatorContract {
 *     public Estimator estimator() { return new Ksg1(); }
 *     // n = 4000: sd 0.015 nats, bias < 0.01 (Kraskov et al. 2004, Fig. 4): 4 sd + bias
 *     public KnownTruth knownTruth() { return KnownTruth.gaussian(4000, 0.6, 11, 0.07); }
 * }
 * }</pre>
 *
 * <p>Checks: the known truth within its tolerance; independent inputs give about 0 (within three reported standard
 * errors or {@link #independenceTolerance()}); shuffling the pairing destroys the estimate; the same seed gives the
 * same result (and, for {@link #stochastic()} estimators, another seed a different one); invariance under a joint
 * permutation of the rows and under renamed columns; symmetry where {@link #symmetric() declared}; and an
 * {@link InvalidDataException} whose message names the problem for too few rows, NaN and unpaired inputs. Every
 * call uses {@link #contractParameters()}; the data come from {@link #dependentPair} and {@link #independentPair},
 * correlated Gaussians unless overridden (discrete estimators supply their own).
 */
public interface EstimatorContract extends ExtensionContract {

    /** The estimator under test. */
    Estimator estimator();

    /** The known-truth case and the tolerance this estimator declares for it. */
    KnownTruth knownTruth();

    @Override
    default MilabExtension extension() {
        return estimator();
    }

    /** Parameters of every contract call; none by default. */
    default Map<String, ?> contractParameters() {
        return Map.of();
    }

    /** Paired data with clearly positive MI; by default Gaussian, rho = 0.8 (I = 0.51 nats). */
    default Samples[] dependentPair(int n, long seed) {
        return ContractData.gaussian(n, 0.8, seed);
    }

    /** Independent data of the same kind; by default Gaussian, rho = 0. */
    default Samples[] independentPair(int n, long seed) {
        return ContractData.gaussian(n, 0.0, seed);
    }

    /** Rows of the contract's own data; by default those of the known-truth case. */
    default int contractRows() {
        return knownTruth().rows();
    }

    /** How far from 0 an estimate on independent data of {@link #contractRows()} rows may be; by default the known-truth tolerance. */
    default double independenceTolerance() {
        return knownTruth().tolerance();
    }

    /** Whether I(X;Y) and I(Y;X) are computed alike, to {@link #symmetryTolerance()}; declared true by default. */
    default boolean symmetric() {
        return true;
    }

    /** The largest |I(X;Y) - I(Y;X)| accepted when {@link #symmetric()}; by default rounding only. */
    default double symmetryTolerance() {
        return 1e-12;
    }

    /** The largest change accepted under a joint permutation of the rows or renamed columns; by default rounding. */
    default double permutationTolerance() {
        return 1e-12;
    }

    /** Whether the estimate uses the context's random generator (then another seed must change it). */
    default boolean stochastic() {
        return false;
    }

    /** A row count the estimator must reject. */
    default int tooFewRows() {
        return 1;
    }

    /** The estimate with {@link #contractParameters()} and {@code seed}. */
    default Estimate contractEstimate(Samples x, Samples y, long seed) {
        try (TestRunContext ctx = TestRunContext.of(estimator(), seed, contractParameters())) {
            return estimator().estimate(x, y, ctx);
        }
    }

    /** The estimate of the known-truth case is within its declared tolerance. */
    @Test
    default void contractKnownTruthWithinDeclaredTolerance() {
        KnownTruth t = knownTruth();
        double est = contractEstimate(t.x(), t.y(), 1).nats();
        assertEquals(t.nats(), est, t.tolerance(), "known truth (" + t.source() + ")");
    }

    /** Independent inputs give about 0: within three reported standard errors, or the declared tolerance. */
    @Test
    default void contractIndependentInputsGiveAboutZero() {
        Samples[] xy = independentPair(contractRows(), 2);
        Estimate e = contractEstimate(xy[0], xy[1], 2);
        double allowed = Math.max(3 * e.standardError().orElse(0), independenceTolerance());
        assertEquals(0, e.nats(), allowed, "independent inputs");
    }

    /** Shuffling the rows of y against x takes the estimate from clearly positive to about 0. */
    @Test
    default void contractShufflingThePairingDestroysTheEstimate() {
        Samples[] xy = dependentPair(contractRows(), 3);
        double paired = contractEstimate(xy[0], xy[1], 3).nats();
        Samples shuffled = xy[1].selectRows(ContractData.permutation(xy[1].rows(), 4));
        double unpaired = contractEstimate(xy[0], shuffled, 3).nats();
        double tol = independenceTolerance();
        assertEquals(0, unpaired, tol, "estimate after shuffling the pairing (paired: " + paired + ")");
        assertTrue(paired > unpaired + 2 * tol, "paired " + paired + " is not clearly above shuffled " + unpaired);
    }

    /** The same seed gives the same result; for a stochastic estimator, another seed gives another. */
    @Test
    default void contractSameSeedSameResult() {
        Samples[] xy = dependentPair(contractRows(), 5);
        double first = contractEstimate(xy[0], xy[1], 6).nats();
        assertEquals(first, contractEstimate(xy[0], xy[1], 6).nats(), 0.0, "same seed, same data");
        if (stochastic()) {
            assertNotEquals(first, contractEstimate(xy[0], xy[1], 7).nats(),
                    "declared stochastic, yet seeds 6 and 7 give the same estimate: is the context's seed used?");
        }
    }

    /** Permuting the rows of x and y together, or renaming their columns, does not change the estimate. */
    @Test
    default void contractInvariantUnderRowPermutationAndRelabelling() {
        Samples[] xy = dependentPair(contractRows(), 8);
        double base = contractEstimate(xy[0], xy[1], 9).nats();
        int[] p = ContractData.permutation(xy[0].rows(), 10);
        assertEquals(base, contractEstimate(xy[0].selectRows(p), xy[1].selectRows(p), 9).nats(),
                permutationTolerance(), "rows permuted jointly");
        assertEquals(base, contractEstimate(ContractData.renamed(xy[0], "a"), ContractData.renamed(xy[1], "b"), 9)
                .nats(), permutationTolerance(), "columns renamed");
    }

    /** I(X;Y) = I(Y;X) where {@link #symmetric()} declares it. */
    @Test
    default void contractSymmetricWhereDeclared() {
        assumeTrue(symmetric(), "declared not symmetric");
        Samples[] xy = dependentPair(contractRows(), 11);
        assertEquals(contractEstimate(xy[0], xy[1], 12).nats(), contractEstimate(xy[1], xy[0], 12).nats(),
                symmetryTolerance(), "I(X;Y) against I(Y;X)");
    }

    /** Too few rows: an {@link InvalidDataException} that says so. */
    @Test
    default void contractRejectsTooFewRows() {
        Samples[] xy = dependentPair(contractRows(), 13);
        int n = tooFewRows();
        assertMessage(() -> contractEstimate(ContractData.head(xy[0], n), ContractData.head(xy[1], n), 13), "row");
    }

    /** A NaN: an {@link InvalidDataException} that names it. */
    @Test
    default void contractRejectsNaN() {
        Samples[] xy = dependentPair(contractRows(), 14);
        assertMessage(() -> contractEstimate(ContractData.withNaN(xy[0], 3), xy[1], 14), "nan");
    }

    /** x and y of different lengths: an {@link InvalidDataException} that gives both. */
    @Test
    default void contractRejectsMismatchedLengths() {
        Samples[] xy = dependentPair(contractRows(), 15);
        Samples shorter = ContractData.head(xy[1], xy[1].rows() - 1);
        String message = assertMessage(() -> contractEstimate(xy[0], shorter, 15), String.valueOf(shorter.rows()));
        assertTrue(message.contains(String.valueOf(xy[0].rows())), "the message should give both lengths: " + message);
    }

    private static String assertMessage(Runnable call, String fragment) {
        InvalidDataException e = assertThrows(InvalidDataException.class, call::run);
        assertTrue(e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains(fragment),
                "the message should mention '" + fragment + "': " + e.getMessage());
        return e.getMessage();
    }
}
