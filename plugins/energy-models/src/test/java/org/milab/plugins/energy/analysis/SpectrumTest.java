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
}
