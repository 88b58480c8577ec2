package org.milab.plugins.classic.knn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.milab.api.InvalidDataException;
import org.milab.api.MilabExtension;
import org.milab.api.data.Samples;
import org.milab.api.testkit.ExtensionContract;
import org.milab.api.testkit.TestRunContext;
import org.milab.plugins.classic.Synthetic;

class KozachenkoLeonenkoTest implements ExtensionContract {

    private final KozachenkoLeonenko kl = new KozachenkoLeonenko();

    @Override
    public MilabExtension extension() {
        return kl;
    }

    private double h(Samples x, Map<String, ?> params) {
        try (TestRunContext ctx = TestRunContext.of(kl, 5, params)) {
            return kl.entropy(x, ctx).nats();
        }
    }

    /**
     * Standard Gaussians in 1 and 3 dimensions, n = 4000: H = d/2 log(2 pi e). The estimator's standard deviation
     * is about sqrt(var log ε · d²/n) ≈ 0.02·d nats here and its bias at this n below 0.03 nats for d ≤ 3
     * (Kraskov et al. 2004, Sec. II.A); allowed 0.1.
     */
    @Test
    void recoversGaussianEntropy() {
        for (int d : new int[] {1, 3}) {
            Samples x = Synthetic.gaussian(4000, d, 0, 0, 31)[0];
            assertEquals(0.5 * d * Math.log(2 * Math.PI * Math.E), h(x, Map.of()), 0.1, "d = " + d);
        }
    }

    /** Uniform on [0, 2]: H = log 2. The bounded support biases k-NN entropy upwards by about k/n·... < 0.01 here. */
    @Test
    void recoversUniformEntropy() {
        SplittableRandom r = new SplittableRandom(32);
        double[] v = new double[4000];
        for (int i = 0; i < v.length; i++) {
            v[i] = 2 * r.nextDouble();
        }
        assertEquals(Math.log(2), h(Samples.ofColumns(Samples.names("x", 1), v), Map.of()), 0.05);
    }

    @Test
    void rejectsDuplicatesAndTinyInputs() {
        double[] v = {1, 1, 1, 1, 2, 3};
        Samples x = Samples.ofColumns(Samples.names("x", 1), v);
        assertThrows(InvalidDataException.class, () -> h(x, Map.of()));
        assertThrows(InvalidDataException.class, () -> h(Synthetic.gaussian(3, 0.1, 1)[0], Map.of()));
    }

    /** H(aX) = H(X) + log|a| exactly for the k-NN estimator (distances scale by |a|). */
    @Property(tries = 20)
    void shiftsByLogScale(@ForAll @DoubleRange(min = 0.01, max = 100) double a, @ForAll long seed) {
        Samples x = Synthetic.gaussian(300, 2, 0, 0, seed)[0];
        assertEquals(h(x, Map.of()) + 2 * Math.log(a), h(Synthetic.map(x, v -> a * v), Map.of()), 1e-9);
    }
}
