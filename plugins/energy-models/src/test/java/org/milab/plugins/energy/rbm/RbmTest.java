package org.milab.plugins.energy.rbm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RbmTest {

    private static Rbm randomMachine(int v, int h, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] w = new double[v * h];
        double[] b = new double[v];
        double[] c = new double[h];
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextDouble() * 2 - 1;
        }
        for (int i = 0; i < v; i++) {
            b[i] = rng.nextDouble() - 0.5;
        }
        for (int a = 0; a < h; a++) {
            c[a] = rng.nextDouble() - 0.5;
        }
        return Rbm.of(v, h, w, b, c);
    }

    @Test
    void theHiddenMarginalMatchesTheJointSummedByBruteForce() {
        int v = 5;
        int h = 4;
        Rbm m = randomMachine(v, h, 9);
        double[] pJoint = new double[1 << h];
        double z = 0;
        for (int hs = 0; hs < 1 << h; hs++) {
            for (int vs = 0; vs < 1 << v; vs++) {
                double e = 0;
                for (int a = 0; a < h; a++) {
                    e -= m.c[a] * (hs >> a & 1);
                }
                for (int i = 0; i < v; i++) {
                    int vi = vs >> i & 1;
                    e -= m.b[i] * vi;
                    for (int a = 0; a < h; a++) {
                        e -= vi * m.w[i * h + a] * (hs >> a & 1);
                    }
                }
                pJoint[hs] += Math.exp(-e);
                z += Math.exp(-e);
            }
        }
        double[] energies = RbmMarginal.energies(m);
        for (int hs = 0; hs < 1 << h; hs++) {
            assertEquals(-Math.log(pJoint[hs] / z), energies[hs], 1e-10, "state " + hs);
        }
    }

    @Test
    void conditionalsAreLogisticOfTheFields() {
        Rbm m = randomMachine(3, 2, 4);
        double[] v = {1, 0, 1};
        double[] out = new double[2];
        m.hiddenGivenVisible(v, 0, out);
        for (int a = 0; a < 2; a++) {
            double u = m.c[a] + m.w[a] + m.w[2 * 2 + a];
            assertEquals(1 / (1 + Math.exp(-u)), out[a], 1e-12);
        }
    }

    @Test
    void contrastiveDivergenceReducesTheReconstructionError() {
        // 6 x 6 images of one horizontal or vertical bar
        SplittableRandom rng = new SplittableRandom(5);
        int rows = 300;
        double[] data = new double[rows * 36];
        for (int r = 0; r < rows; r++) {
            int line = rng.nextInt(6);
            boolean horizontal = rng.nextBoolean();
            for (int p = 0; p < 36; p++) {
                data[r * 36 + p] = (horizontal ? p / 6 : p % 6) == line ? 1 : 0;
            }
        }
        Rbm m = Rbm.random(36, 12, new SplittableRandom(6));
        double before = ContrastiveDivergence.reconstructionError(m, data, rows);
        new ContrastiveDivergence(1, 0.1, 10).train(m, data, rows, 30, new SplittableRandom(7), e -> { });
        double after = ContrastiveDivergence.reconstructionError(m, data, rows);
        // untrained: each pixel reconstructed near 1/2, error about 0.25; a bar needs 12 features to be kept
        assertTrue(before > 0.2, "before " + before);
        assertTrue(after < 0.5 * before, before + " -> " + after);
    }

    @Test
    void logisticIsStableAtTheExtremes() {
        assertEquals(1, Logistic.sigmoid(800), 0);
        assertEquals(0, Logistic.sigmoid(-800), 1e-300);
        assertEquals(800, Logistic.softplus(800), 1e-12);
        assertEquals(Math.log(2), Logistic.softplus(0), 1e-15);
    }
}
