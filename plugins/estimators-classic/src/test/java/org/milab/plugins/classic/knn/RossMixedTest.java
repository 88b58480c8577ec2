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
import org.milab.plugins.classic.Reference;
import org.milab.plugins.classic.Synthetic;

class RossMixedTest implements ExtensionContract {

    private final RossMixed ross = new RossMixed();

    @Override
    public MilabExtension extension() {
        return ross;
    }

    private double mi(Samples x, Samples y, Map<String, ?> params) {
        try (TestRunContext ctx = TestRunContext.of(ross, 4, params)) {
            return ross.estimate(x, y, ctx).nats();
        }
    }

    /**
     * scikit-learn 1.2.1 {@code _compute_mi_cd(c, d, 3)} with labels d = floor(3u) and values c = v + 0.5 d on
     * the deterministic columns of {@link Reference}, n = 1000: 0.674622045578531. Tolerance: rounding only.
     */
    @Test
    void matchesScikitLearnOnTheSameData() {
        double[] u = Reference.column(1000, 'u');
        double[] v = Reference.column(1000, 'v');
        double[] label = new double[u.length];
        double[] value = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            label[i] = Math.floor(u[i] * 3);
            value[i] = v[i] + label[i] * 0.5;
        }
        assertEquals(0.674622045578531,
                mi(Reference.of("c", value), Reference.of("d", label), Map.of("standardise", false)), 1e-9);
    }

    /**
     * Two equiprobable classes with N(±mu, 1) features, n = 4000: truth by numerical integration. Ross reports a
     * standard deviation of about 0.01–0.02 nats at this n and a bias below 0.01; allowed 0.05.
     */
    @Test
    void recoversLabelledGaussianMi() {
        for (double mu : new double[] {0.5, 1.5}) {
            Samples[] xc = Synthetic.labelled(4000, mu, 51);
            assertEquals(Synthetic.labelledMi(mu), mi(xc[0], xc[1], Map.of()), 0.05, "mu " + mu);
            assertEquals(Synthetic.labelledMi(mu), mi(xc[1], xc[0], Map.of("discrete", "x")), 0.05, "swapped");
        }
    }

    @Test
    void rejectsLabelsThatNeverRepeat() {
        Samples[] xy = Synthetic.gaussian(30, 0.5, 52);
        assertThrows(InvalidDataException.class, () -> mi(xy[0], xy[1], Map.of()));
    }

    @Property(tries = 15)
    void permutationInvariant(@ForAll long seed) {
        Samples[] xc = Synthetic.labelled(300, 1.0, seed);
        int[] p = Synthetic.permutation(300, seed);
        assertEquals(mi(xc[0], xc[1], Map.of()), mi(xc[0].selectRows(p), xc[1].selectRows(p), Map.of()), 1e-12);
    }
}
