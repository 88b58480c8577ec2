package org.milab.plugins.energy.hfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.milab.plugins.energy.rbm.Logistic;

class HfmMachineTest {

    /** Rows of 4 bits drawn from a two-level hierarchy: a coarse bit sets bits 0-1, a fine bit adds bits 2-3. */
    private static double[] data(int rows, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[rows * 4];
        for (int r = 0; r < rows; r++) {
            boolean coarse = rng.nextDouble() < 0.5;
            boolean fine = coarse && rng.nextDouble() < 0.5;
            for (int i = 0; i < 4; i++) {
                boolean on = i < 2 ? coarse : fine;
                v[r * 4 + i] = (rng.nextDouble() < 0.9) == on ? 1 : 0;
            }
        }
        return v;
    }

    @Test
    void theLikelihoodIsANormalisedSumOverStates() {
        double[] d = data(50, 1);
        HfmMachine m = HfmMachine.initial(3, d, 50, new SplittableRandom(2));
        for (int i = 0; i < 5; i++) {
            m.step(d, 50, 0.5);
        }
        // sum p(x) over all 16 visible patterns: one row per pattern
        double[] all = new double[16 * 4];
        for (int x = 0; x < 16; x++) {
            for (int i = 0; i < 4; i++) {
                all[x * 4 + i] = x >> i & 1;
            }
        }
        double total = 0;
        for (int x = 0; x < 16; x++) {
            total += Math.exp(m.logLikelihood(java.util.Arrays.copyOfRange(all, x * 4, x * 4 + 4), 1));
        }
        assertEquals(1, total, 1e-10);
        // and ln p(x) for one pattern, summed by hand over the 8 hidden states
        double[] u = m.fields();
        double direct = 0;
        for (int s = 0; s < 8; s++) {
            double lp = m.prior().logProbability(s);
            for (int i = 0; i < 4; i++) {
                double sig = Logistic.sigmoid(u[s * 4 + i]);
                lp += Math.log(all[5 * 4 + i] == 1 ? sig : 1 - sig);
            }
            direct += Math.exp(lp);
        }
        assertEquals(Math.log(direct), m.logLikelihood(java.util.Arrays.copyOfRange(all, 20, 24), 1), 1e-10);
    }

    @Test
    void gradientAscentRaisesTheLikelihood() {
        double[] d = data(400, 3);
        HfmMachine m = HfmMachine.initial(4, d, 400, new SplittableRandom(4));
        double before = m.logLikelihood(d, 400);
        double best = before;
        for (int i = 0; i < 300; i++) {
            best = Math.max(best, m.step(d, 400, 0.5));
        }
        double after = m.logLikelihood(d, 400);
        assertTrue(after > best - 1e-3, "the fixed step settles near the best value seen: " + after + " vs " + best);
        // the start (bits independent at their marginals) costs 2 ln 2 + 2 h(0.3) = 2.61 nats per row, the generating
        // hierarchy 1.5 ln 2 + 4 h(0.1) = 2.34: a fitted HFM must recover a good part of the 0.27 nats between them
        assertTrue(after > before + 0.1, before + " -> " + after);
    }
}
