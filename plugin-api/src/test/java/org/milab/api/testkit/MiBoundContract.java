package org.milab.api.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.milab.api.InvalidDataException;
import org.milab.api.MilabExtension;
import org.milab.api.bound.MiBound;
import org.milab.api.bound.TrainingObjective;

/**
 * What every {@link MiBound} must satisfy, on {@code n x n} score matrices {@code f[i][j] = f(x_i, y_j)}. A
 * plugin's test class implements it and supplies the bound and its formula in double precision (the known truth):
 *
 * <pre>{@code
 * class DvTest implements MiBoundContract {
 *     public MiBound bound() { return new Dv(); }
 *     public double referenceValue(double[][] f) { return diagMean(f) - Math.log(offMeanExp(f)); }
 * }
 * }</pre>
 *
 * <p>Checks: the value matches the formula within {@link #floatTolerance()} (float32 reductions); an uninformative
 * critic (every score {@link #uninformativeScore()}, the optimal critic for independent inputs) gives 0; shuffling
 * the pairing (moving the informative scores off the diagonal) destroys the estimate; fresh objectives are
 * reproducible (no state leaks between runs); invariance under relabelling the samples (the same permutation of
 * rows and columns); symmetry under transposition (I(X;Y) = I(Y;X)) where {@link #symmetric() declared}; an
 * {@link InvalidDataException} naming the shape for a non-square matrix and for a batch of one pair; NaN scores
 * give a NaN value, never a finite one (bounds do not check values: that would cost a device sync per step).
 * Needs a DJL engine on the test class path.
 */
public interface MiBoundContract extends ExtensionContract {

    /** The bound under test. */
    MiBound bound();

    /** The bound's value for {@code scores} (rows x, columns y), computed in double precision from its formula. */
    double referenceValue(double[][] scores);

    @Override
    default MilabExtension extension() {
        return bound();
    }

    /** Parameters the bound is bound to ({@link MiBound#bind}); none by default. */
    default Map<String, ?> contractParameters() {
        return Map.of();
    }

    /** float32 reductions over a 16 x 16 matrix of O(1) entries agree with double ones to about 1e-5. */
    default double floatTolerance() {
        return 1e-4;
    }

    /** The score of the optimal critic for independent inputs, for which the bound is 0; 0 for most bounds. */
    default double uninformativeScore() {
        return 0;
    }

    /** Whether the value is unchanged by transposing the scores (swapping X and Y); declared true by default. */
    default boolean symmetric() {
        return true;
    }

    /** An {@code n x n} matrix of N(0, 1) entries plus {@code shift} on the diagonal. */
    static double[][] randomScores(int n, double shift, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] f = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                f[i][j] = r.nextGaussian() + (i == j ? shift : 0);
            }
        }
        return f;
    }

    /** The bound's value for {@code scores}, bound to {@link #contractParameters()}. */
    default double contractValue(double[][] scores) {
        MiBound bound = bind();
        try (NDManager m = NDManager.newBaseManager()) {
            return bound.value(tensor(m, scores)).getFloat();
        }
    }

    /** The values of one fresh training objective over a sequence of score matrices. */
    default double[] contractObjectives(double[][]... batches) {
        double[] out = new double[batches.length];
        MiBound bound = bind();
        TrainingObjective objective = bound.newObjective();
        try (NDManager m = NDManager.newBaseManager()) {
            for (int b = 0; b < batches.length; b++) {
                out[b] = objective.objective(tensor(m, batches[b])).getFloat();
            }
        }
        return out;
    }

    /** The value matches the bound's formula (its known truth) on random scores, to float32 rounding. */
    @Test
    default void contractMatchesItsFormula() {
        for (double shift : new double[] {0.0, 2.0}) {
            double[][] f = randomScores(16, shift, 1);
            assertEquals(referenceValue(f), contractValue(f), floatTolerance(), "diagonal shift " + shift);
        }
    }

    /** The optimal critic for independent inputs (a constant score) gives 0. */
    @Test
    default void contractUninformativeCriticGivesZero() {
        double[][] f = new double[16][16];
        for (double[] row : f) {
            java.util.Arrays.fill(row, uninformativeScore());
        }
        assertEquals(0, contractValue(f), floatTolerance(), "constant scores " + uninformativeScore());
    }

    /** Moving the informative scores off the diagonal (a cyclic shift of the columns) takes the value to <= 0. */
    @Test
    default void contractShufflingThePairingDestroysTheEstimate() {
        double[][] f = randomScores(16, 5.0, 2);
        double[][] shuffled = new double[16][16];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                shuffled[i][j] = f[i][(j + 1) % 16];
            }
        }
        double paired = contractValue(f);
        double unpaired = contractValue(shuffled);
        assertTrue(paired > 1, "an informative critic (diagonal + 5) should give a clearly positive value: " + paired);
        assertTrue(unpaired <= floatTolerance(), "after shuffling the pairing the value should be <= 0: " + unpaired);
    }

    /** The value is a function of the scores, and fresh objectives start from the same state. */
    @Test
    default void contractSameInputsSameResult() {
        double[][] a = randomScores(16, 1.0, 3);
        double[][] b = randomScores(16, 2.0, 4);
        assertEquals(contractValue(a), contractValue(a), 0.0, "value twice");
        double[] first = contractObjectives(a, b, a);
        double[] second = contractObjectives(a, b, a);
        for (int i = 0; i < first.length; i++) {
            assertEquals(first[i], second[i], 0.0, "objective of batch " + i + " in two fresh runs");
        }
    }

    /** Relabelling the samples (one permutation of rows and columns) keeps the pairing and the value. */
    @Test
    default void contractInvariantUnderRelabellingSamples() {
        double[][] f = randomScores(16, 2.0, 5);
        int[] p = ContractData.permutation(16, 6);
        double[][] g = new double[16][16];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                g[i][j] = f[p[i]][p[j]];
            }
        }
        assertEquals(contractValue(f), contractValue(g), floatTolerance());
    }

    /** Transposing the scores (I(Y;X)) keeps the value where {@link #symmetric()} declares it. */
    @Test
    default void contractSymmetricWhereDeclared() {
        assumeTrue(symmetric(), "declared not symmetric");
        double[][] f = randomScores(16, 2.0, 7);
        double[][] t = new double[16][16];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                t[i][j] = f[j][i];
            }
        }
        assertEquals(contractValue(f), contractValue(t), floatTolerance());
    }

    /** A batch of one pair has no unpaired scores: an {@link InvalidDataException} that says so. */
    @Test
    default void contractRejectsTooFewRows() {
        assertShapeRejected(new double[][] {{1.0}}, "1");
    }

    /** x and y batches of different sizes (a 4 x 5 matrix): an {@link InvalidDataException} giving both. */
    @Test
    default void contractRejectsMismatchedLengths() {
        double[][] f = new double[4][5];
        assertShapeRejected(f, "4", "5");
    }

    /** A NaN score makes the value NaN, never a finite number that would hide it. */
    @Test
    default void contractNaNIsNotHidden() {
        double[][] f = randomScores(16, 2.0, 8);
        f[3][5] = Double.NaN;
        f[4][4] = Double.NaN;
        assertTrue(Double.isNaN(contractValue(f)), "a NaN score gave a finite value");
    }

    private void assertShapeRejected(double[][] f, String... fragments) {
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> contractValue(f));
        for (String s : fragments) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(s),
                    "the message should give the shape (" + s + "): " + e.getMessage());
        }
    }

    private MiBound bind() {
        try (TestRunContext ctx = TestRunContext.of(bound(), 1, contractParameters())) {
            return bound().bind(ctx);
        }
    }

    private static NDArray tensor(NDManager m, double[][] f) {
        int rows = f.length;
        int cols = f[0].length;
        float[] flat = new float[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                flat[i * cols + j] = (float) f[i][j];
            }
        }
        return m.create(flat, new Shape(rows, cols));
    }
}
