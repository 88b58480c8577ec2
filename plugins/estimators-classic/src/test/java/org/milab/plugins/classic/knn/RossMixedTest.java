package org.milab.plugins.classic.knn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.InvalidDataException;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimator;
import org.milab.api.testkit.KnownTruth;
import org.milab.api.testkit.TestRunContext;
import org.milab.plugins.classic.LabelledPairsContract;
import org.milab.plugins.classic.Reference;
import org.milab.plugins.classic.Synthetic;

class RossMixedTest implements LabelledPairsContract {

    private final RossMixed ross = new RossMixed();

    @Override
    public Estimator estimator() {
        return ross;
    }

    /**
     * Two equiprobable classes with N(±0.5, 1) features, n = 4000: truth by numerical integration. Ross reports a
     * standard deviation of about 0.01–0.02 nats at this n and a bias below 0.01; allowed 0.05.
     */
    @Override
    public KnownTruth knownTruth() {
        Samples[] xc = Synthetic.labelled(4000, 0.5, 51);
        return new KnownTruth(xc[0], xc[1], Synthetic.labelledMi(0.5), 0.05, "numerical integration");
    }

    /** Swapping x and y swaps which side is discrete: not the same computation. */
    @Override
    public boolean symmetric() {
        return false;
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
        for (double mu : new double[] {0.5, 1.5}) {  // mu = 0.5 also as knownTruth(), here with x discrete too
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
}
