package org.milab.plugins.energy.hfm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HfmPriorTest {

    /** Z by brute force: the level of each state found by scanning its bits, not by the closed-form degeneracy. */
    private static double bruteForceZ(int n, double g) {
        double z = 0;
        for (int s = 0; s < 1 << n; s++) {
            int m = 0;
            for (int k = 1; k <= n; k++) {
                if ((s >> (k - 1) & 1) == 1) {
                    m = k;
                }
            }
            z += Math.exp(-g * m);
        }
        return z;
    }

    @ParameterizedTest
    @CsvSource({"1, 0.3", "4, 0.6931471805599453", "8, 1.5", "12, 0.1", "12, 3.0", "10, -0.5"})
    void thePartitionFunctionMatchesBruteForce(int n, double g) {
        HfmPrior p = new HfmPrior(n, g);
        assertEquals(Math.log(bruteForceZ(n, g)), p.logPartition(), 1e-12);
        double total = 0;
        for (int s = 0; s < 1 << n; s++) {
            total += Math.exp(p.logProbability(s));
        }
        assertEquals(1, total, 1e-12);
    }

    @ParameterizedTest
    @CsvSource({"6, 0.4", "9, 0.6931471805599453", "10, 2.0"})
    void resolutionAndRelevanceMatchBruteForce(int n, double g) {
        HfmPrior p = new HfmPrior(n, g);
        double hs = 0;
        Map<Integer, Double> levels = new HashMap<>();
        for (int s = 0; s < 1 << n; s++) {
            double q = Math.exp(p.logProbability(s));
            hs -= q * Math.log(q);
            levels.merge(HfmPrior.level(s), q, Double::sum);
        }
        double hk = 0;
        for (double q : levels.values()) {
            hk -= q * Math.log(q);
        }
        assertEquals(hs, p.resolution(), 1e-10);
        assertEquals(hk, p.relevance(), 1e-10);
    }

    @ParameterizedTest
    @CsvSource({"5", "11"})
    void atLnTwoTheLevelsAboveZeroAreEquiprobable(int n) {
        double[] pk = new HfmPrior(n, Math.log(2)).levelProbabilities();
        for (int k = 2; k <= n; k++) {
            assertEquals(pk[1], pk[k], 1e-12);
        }
        // W_k e^{-k ln 2} = 1/2 for every k >= 1 and 1 for k = 0: Z = 1 + n/2
        assertEquals(1 / (1 + n / 2.0), pk[0], 1e-12);
    }
}
