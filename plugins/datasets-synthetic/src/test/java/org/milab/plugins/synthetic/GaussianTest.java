package org.milab.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianTest {

    @Test
    void logDetAgreesWithEliminationAndSamplesHaveTheCovariance() {
        double[][] s = {{2, 0.5, 0.3}, {0.5, 1, -0.2}, {0.3, -0.2, 1.5}};
        assertEquals(Moments.logDet(s), Gaussian.logDet(s), 1e-12);
        Joint j = Gaussian.sample(s, 1, 40_000, new SplittableRandom(1), null);
        double[] a = j.xView().column(0);
        double[] b = j.yView().column(0);
        double[] c = j.yView().column(1);
        // sd of sample covariances ~ sqrt((s_ii s_jj + s_ij^2)/n) < 0.01: 5 sd margins
        assertEquals(2, Moments.variance(a), 0.08);
        assertEquals(0.5, Moments.covariance(a, b), 0.04);
        assertEquals(-0.2, Moments.covariance(b, c), 0.04);
    }

    @Test
    void mutualInformationOfIndependentBlocksIsZero() {
        double[][] s = {{1, 0.4, 0}, {0.4, 1, 0}, {0, 0, 1}};
        assertEquals(0, Gaussian.mutualInformation(s, 2), 1e-12);
    }

    @Test
    void rejectsIndefiniteMatrices() {
        assertThrows(IllegalArgumentException.class, () -> Gaussian.cholesky(new double[][] {{1, 2}, {2, 1}}));
    }
}
