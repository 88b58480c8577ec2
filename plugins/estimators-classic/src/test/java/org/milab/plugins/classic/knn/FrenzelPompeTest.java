package org.milab.plugins.classic.knn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.milab.api.InvalidDataException;
import org.milab.api.MilabExtension;
import org.milab.api.data.Samples;
import org.milab.api.testkit.ExtensionContract;
import org.milab.api.testkit.TestRunContext;
import org.milab.plugins.classic.Synthetic;

class FrenzelPompeTest implements ExtensionContract {

    private final FrenzelPompe fp = new FrenzelPompe();

    @Override
    public MilabExtension extension() {
        return fp;
    }

    private double cmi(Samples x, Samples y, Samples z, Map<String, ?> params) {
        try (TestRunContext ctx = TestRunContext.of(fp, 9, params)) {
            return fp.estimate(x, y, z, ctx).nats();
        }
    }

    /**
     * X = Z + e1, Y = Z + e2 with corr(e1, e2) = rho, n = 4000: I(X;Y|Z) = -1/2 log(1 - rho^2) (0 for rho = 0,
     * 0.51 for 0.8) although I(X;Y) is far from it. Frenzel–Pompe has KSG-like noise (sd ≈ 0.02 nats at this n
     * with a 3-D joint space) and a small bias; allowed 0.08.
     */
    @Test
    void recoversConditionalMi() {
        for (double rho : new double[] {0.0, 0.8}) {
            Samples[] xyz = Synthetic.conditional(4000, rho, 41);
            assertEquals(Synthetic.gaussianMi(1, rho), cmi(xyz[0], xyz[1], xyz[2], Map.of()), 0.08, "rho " + rho);
        }
    }

    @Test
    void rejectsUnpairedAndNaN() {
        Samples[] a = Synthetic.conditional(50, 0.5, 42);
        Samples[] b = Synthetic.conditional(40, 0.5, 43);
        assertThrows(InvalidDataException.class, () -> cmi(a[0], a[1], b[2], Map.of()));
        assertThrows(InvalidDataException.class,
                () -> cmi(a[0], a[1], Synthetic.map(a[2], v -> v > 0 ? Double.NaN : v), Map.of()));
    }

    /** I(X;Y|Z) = I(Y;X|Z): exact symmetry of the construction. */
    @Property(tries = 15)
    void symmetricInXAndY(@ForAll long seed) {
        Samples[] xyz = Synthetic.conditional(200, 0.5, seed);
        assertEquals(cmi(xyz[0], xyz[1], xyz[2], Map.of()), cmi(xyz[1], xyz[0], xyz[2], Map.of()), 1e-12);
    }
}
