package org.milab.plugins.classic.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.milab.plugins.classic.Synthetic;

/** The pieces auto is built from: column profiles, normal scores, Kendall's tau, the copula terms. */
class CopulaPiecesTest {

    @Test
    void profilesTellDiscreteFromContinuousAndHeavyTails() {
        SplittableRandom r = new SplittableRandom(1);
        double[] gauss = new double[4000];
        double[] levels = new double[4000];
        double[] cauchy = new double[4000];
        for (int i = 0; i < gauss.length; i++) {
            gauss[i] = r.nextGaussian();
            levels[i] = r.nextInt(7);
            cauchy[i] = Math.tan(Math.PI * (r.nextDouble() - 0.5));
        }
        ColumnProfile g = ColumnProfile.of("g", gauss);
        assertFalse(g.discrete());
        assertEquals(ColumnProfile.GAUSSIAN_TAIL_RATIO, g.tailRatio(), 0.25);
        assertFalse(g.heavyTailed());
        assertTrue(ColumnProfile.of("l", levels).discrete());
        assertTrue(ColumnProfile.of("c", cauchy).heavyTailed());
    }

    @Test
    void normalScoresAreStandardNormalAndKeepTheOrder() {
        double[] v = {5, -1, 3, 3, 10};
        double[] z = NormalScores.scores(v, v.length);
        assertEquals(z[2], z[3], 0);
        assertTrue(z[1] < z[2] && z[2] < z[0] && z[0] < z[4]);
        double[] distinct = NormalScores.scores(new double[] {4, 1, 2, 5, 3}, 5);
        assertEquals(0.0, distinct[0] + distinct[1] + distinct[2] + distinct[3] + distinct[4], 1e-12);
        assertEquals(-distinct[1], distinct[3], 1e-12);
    }

    @Test
    void kendallTauMatchesTheQuadraticCount() {
        SplittableRandom r = new SplittableRandom(2);
        int n = 300;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextGaussian();
            b[i] = 0.6 * a[i] + r.nextGaussian();
        }
        long concordant = 0;
        long discordant = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = Math.signum(a[i] - a[j]) * Math.signum(b[i] - b[j]);
                concordant += s > 0 ? 1 : 0;
                discordant += s < 0 ? 1 : 0;
            }
        }
        double naive = (concordant - discordant) / (n * (n - 1) / 2.0);
        assertEquals(naive, KendallTau.of(NormalScores.ranks(a), NormalScores.ranks(b)), 1e-12);
    }

    @Test
    void tTermIsTheStudentMutualInformationAtZeroCorrelation() {
        for (int nu = 1; nu <= 5; nu++) {
            assertEquals(Synthetic.studentTMi(0, nu), TCopula.g(nu, 1, 1), 1e-9, "nu = " + nu);
        }
        assertEquals(0.0, TCopula.g(Double.POSITIVE_INFINITY, 3, 3), 0);
    }

    @Test
    void wishartBiasIsAboutDxDyOverTwoN() {
        assertEquals(5 * 5 / (2.0 * 100_000), GaussianCopulaBias.of(100_000, 5, 5), 2e-6);
        assertTrue(GaussianCopulaBias.of(1000, 50, 50) > 1.0);
    }

    @Test
    void tCopulaFitFindsHeavyTailsAndIgnoresGaussianData() {
        Samples2 t = new Samples2(Synthetic.studentT(3000, 0.5, 2, 3));
        TCopula.Fit fit = TCopula.fit(new double[][] {NormalScores.ranks(t.x), NormalScores.ranks(t.y)}, 1);
        assertTrue(fit.nu() <= 3, "nu = " + fit.nu());
        assertEquals(Synthetic.studentTMi(0.5, 2), fit.mi(), 0.05);
        Samples2 g = new Samples2(Synthetic.gaussian(3000, 0.5, 3));
        TCopula.Fit gaussian = TCopula.fit(new double[][] {NormalScores.ranks(g.x), NormalScores.ranks(g.y)}, 1);
        assertTrue(gaussian.logLikelihood() - gaussian.gaussianLogLikelihood() < AutoMi.T_COPULA_MARGIN,
                gaussian.toString());
    }

    /** The single columns of a pair. */
    private record Samples2(double[] x, double[] y) {
        Samples2(org.milab.api.data.Samples[] xy) {
            this(xy[0].column(0), xy[1].column(0));
        }
    }

    @Test
    void repairedShapeIsRescaledByTheOriginalDiagonal() {
        // covariance [[4, 2, 0.6], [2, 9, -3], [0.6, -3, 1]]: correlations 2/6, 0.6/2, -3/3
        RealMatrix m = new Array2DRowRealMatrix(new double[][] {{4, 2, 0.6}, {2, 9, -3}, {0.6, -3, 1}});
        RealMatrix r = TCopula.rescaledToUnitDiagonal(m);
        double[][] expected = {{1, 1.0 / 3, 0.3}, {1.0 / 3, 1, -1}, {0.3, -1, 1}};
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                assertEquals(expected[a][b], r.getEntry(a, b), 1e-15, "entry " + a + "," + b);
            }
        }
    }
}
