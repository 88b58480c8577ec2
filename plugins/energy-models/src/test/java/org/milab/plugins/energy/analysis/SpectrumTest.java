package org.milab.plugins.energy.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.milab.plugins.energy.hfm.HfmPrior;

class SpectrumTest {

    @ParameterizedTest
    @CsvSource({"10, 0.6931471805599453", "12, 1.2", "8, 0.3"})
    void theHfmSpectrumGrowsWithSlopeLnTwoOverG(int n, double g) {
        HfmPrior p = new HfmPrior(n, g);
        double[] e = new double[1 << n];
        for (int s = 0; s < e.length; s++) {
            e[s] = -p.logProbability(s);
        }
        // level k >= 1 holds 2^(k-1) states at E = g k + ln Z: ln N = (k - 1) ln 2, a line of slope ln 2 / g; with
        // 10 n bins every level falls in a bin of its own
        Spectrum s = Spectrum.of(e, 10 * n);
        assertEquals(n + 1, s.centres().length, "one non-empty bin per level");
        assertEquals(Math.log(2) / g, s.slope(), 0.02 * Math.log(2) / g);
    }

    @org.junit.jupiter.api.Test
    void onlyTheRisingSideOfADensityIsFitted() {
        // counts 1 (ground state), then 2, 4, 8 states rising by ln 2 per unit of E, then a falling tail (5 bins of width 1: the last holds E = 4 and 5)
        double[] e = {0, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 5};
        Spectrum s = Spectrum.of(e, 5);
        assertEquals(Math.log(2), s.slope(), 1e-9);
    }
}
