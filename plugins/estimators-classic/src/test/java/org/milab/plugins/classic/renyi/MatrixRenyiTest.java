package org.milab.plugins.classic.renyi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
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

class MatrixRenyiTest implements ExtensionContract {

    private final MatrixRenyi renyi = new MatrixRenyi();

    @Override
    public MilabExtension extension() {
        return renyi;
    }

    private double mi(Samples x, Samples y, Map<String, ?> params) {
        try (TestRunContext ctx = TestRunContext.of(renyi, 1, params)) {
            return renyi.estimate(x, y, ctx).nats();
        }
    }

    /**
     * Limits that follow from the definition: a vanishing kernel width makes every Gram matrix the identity, so
     * all three entropies are log n and Î = log n; a huge width makes them all-ones (rank one, entropy 0), Î = 0.
     */
    @Test
    void limitsOfTheKernelWidth() {
        Samples[] xy = Synthetic.gaussian(100, 0.5, 91);
        assertEquals(Math.log(100), mi(xy[0], xy[1], Map.of("width-rule", "fixed", "sigma", 1e-4)), 1e-9);
        assertEquals(0.0, mi(xy[0], xy[1], Map.of("width-rule", "fixed", "sigma", 1e5)), 1e-6);
    }

    /** Dependence raises the value: rho = 0.9 against independent data, same n and rule, for several alphas. */
    @Test
    void increasesWithDependence() {
        for (double alpha : new double[] {1.0, 1.01, 2.0}) {
            Samples[] strong = Synthetic.gaussian(300, 0.9, 92);
            Samples[] none = Synthetic.gaussian(300, 0.0, 93);
            Map<String, ?> p = Map.of("alpha", alpha);
            assertTrue(mi(strong[0], strong[1], p) > mi(none[0], none[1], p) + 0.1, "alpha " + alpha);
        }
    }

    /** Inputs above max-rows are subsampled with the node's seed: the same seed gives the same value. */
    @Test
    void subsamplesLargeInputsReproducibly() {
        Samples[] big = Synthetic.gaussian(5000, 0.5, 94);
        try (TestRunContext ctx = TestRunContext.of(renyi, 1, Map.of("max-rows", 200))) {
            assertEquals(200, renyi.estimate(big[0], big[1], ctx).sampleCount());
        }
        assertEquals(mi(big[0], big[1], Map.of("max-rows", 200)), mi(big[0], big[1], Map.of("max-rows", 200)), 0.0);
    }

    @Test
    void rejectsBadData() {
        Samples[] xy = Synthetic.gaussian(20, 0.5, 95);
        assertThrows(InvalidDataException.class, () -> mi(Synthetic.map(xy[0], v -> 1.0), xy[1], Map.of()));
    }

    /**
     * 0 ≤ Î ≤ log n: the matrix joint entropy is at least each marginal one and at most their sum (Giraldo et
     * al. 2015, Prop. 4.1 and Cor. 4.2 for the Hadamard product); symmetric and permutation invariant up to
     * eigen-solver rounding.
     */
    @Property(tries = 10)
    void boundedSymmetricAndPermutationInvariant(@ForAll @DoubleRange(min = -0.9, max = 0.9) double rho,
                                                 @ForAll long seed) {
        Samples[] xy = Synthetic.gaussian(60, 2, 1, rho, seed);
        double forward = mi(xy[0], xy[1], Map.of("alpha", 2.0));
        assertTrue(forward >= -1e-9 && forward <= Math.log(60) + 1e-9, "value " + forward);
        assertEquals(forward, mi(xy[1], xy[0], Map.of("alpha", 2.0)), 1e-9);
        int[] p = Synthetic.permutation(60, seed);
        assertEquals(forward, mi(xy[0].selectRows(p), xy[1].selectRows(p), Map.of("alpha", 2.0)), 1e-9);
    }

    @Test
    void saysItIsNotShannonMutualInformation() {
        Samples[] xy = Synthetic.gaussian(200, 0.5, 4);
        try (TestRunContext ctx = TestRunContext.of(renyi, 1, Map.of("alpha", 2.0))) {
            org.milab.api.estimate.Estimate e = renyi.estimate(xy[0], xy[1], ctx);
            assertTrue(e.quantity().orElseThrow().contains("Rényi alpha-order MI (alpha = 2)"), e.quantity().get());
        }
        assertTrue(renyi.info().summary().contains("not comparable with it"));
    }
}
