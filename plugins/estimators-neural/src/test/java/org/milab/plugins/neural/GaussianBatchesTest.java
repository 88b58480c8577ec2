package org.milab.plugins.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class GaussianBatchesTest {

    @Test
    void samplesTheRequestedCorrelationPerStep() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(1);
            GaussianBatches source = new GaussianBatches(20000, 2, step -> step == 1 ? 0.5 : 4.0);
            for (long step = 1; step <= 2; step++) {
                NDList b = source.next(m, step);
                NDArray x = b.get(0);
                NDArray y = b.get(1);
                double rho = GaussianBatches.rho(step == 1 ? 0.5 : 4.0, 2);
                // 40,000 products of unit-variance pairs: the sample correlation has sd ~ (1 - rho^2)/200 <= 0.005
                assertEquals(rho, x.mul(y).mean().getFloat(), 0.02, "step " + step);
                assertEquals(1.0, y.square().mean().getFloat(), 0.03, "var y, step " + step);
            }
        }
    }

    @Test
    void rhoGivesTheMutualInformation() {
        double rho = GaussianBatches.rho(6.0, 20);
        assertEquals(6.0, -10 * Math.log(1 - rho * rho), 1e-12);
    }
}
