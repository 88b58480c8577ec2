package org.milab.plugins.classic.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.milab.api.MilabExtension;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimate;
import org.milab.api.testkit.ExtensionContract;
import org.milab.api.testkit.TestRunContext;
import org.milab.plugins.classic.Synthetic;
import org.milab.plugins.classic.discrete.DiscretePlugIn;
import org.milab.plugins.classic.gaussian.GaussianCca;
import org.milab.plugins.classic.knn.GaoMixed;
import org.milab.plugins.classic.knn.Ksg1;
import org.milab.plugins.classic.knn.RossMixed;

/** auto against closed-form truths, on each of its branches, and what it reports. */
class AutoMiTest implements ExtensionContract {

    private final AutoMi auto = new AutoMi();

    @Override
    public MilabExtension extension() {
        return auto;
    }

    private Estimate estimate(Samples x, Samples y) {
        try (TestRunContext ctx = TestRunContext.of(auto, 1, Map.of())) {
            ctx.withComponents(new Ksg1(), new GaussianCca(), new RossMixed(), new GaoMixed(), new DiscretePlugIn());
            return auto.estimate(x, y, ctx);
        }
    }

    private static Estimate ksg(Samples x, Samples y) {
        Ksg1 ksg = new Ksg1();
        try (TestRunContext ctx = TestRunContext.of(ksg, 1, Map.of())) {
            return ksg.estimate(x, y, ctx);
        }
    }

    private static double logRatio(Estimate e, double truth) {
        return Math.abs(Math.log(e.nats() / truth));
    }

    @Test
    void heavyTailsAreHandledBetterThanByPlainKsg() {
        Samples[] xy = Synthetic.studentT(2000, 0.0, 1, 11);
        double truth = Synthetic.studentTMi(0.0, 1);
        Estimate e = estimate(xy[0], xy[1]);
        assertTrue(logRatio(e, truth) < Math.log(1.15), e + " vs " + truth);
        assertTrue(logRatio(e, truth) < logRatio(ksg(xy[0], xy[1]), truth), "auto beats plain KSG here");
        assertTrue(e.notes().stream().anyMatch(n -> n.startsWith("heavy tails in x0")), e.notes().toString());
        assertEquals(2.0, e.diagnostics().get("heavy-tailed-columns"));
    }

    @Test
    void highDimensionalGaussianComesFromTheCopula() {
        Samples[] xy = Synthetic.gaussian(2000, 10, 10, 0.5, 12);
        double truth = Synthetic.gaussianMi(10, 0.5);
        Estimate e = estimate(xy[0], xy[1]);
        assertTrue(logRatio(e, truth) < Math.log(1.1), e + " vs " + truth);
        assertTrue(e.notes().get(0).contains("the larger is kept: the copula"), e.notes().toString());
        assertTrue(e.diagnostics().get("knn-nats") < e.nats(), "KSG underestimates in 10 + 10 dimensions");
    }

    @Test
    void independentDataGiveAboutZero() {
        Samples[] a = Synthetic.gaussian(2000, 3, 0, 0.0, 13);
        assertEquals(0.0, estimate(a[0], a[1]).nats(), 0.03);
    }

    @Test
    void labelsAgainstFeaturesUseRossWithTheLabelsSide() {
        SplittableRandom r = new SplittableRandom(14);
        int n = 3000;
        double[] label = new double[n];
        double[] feature = new double[n];
        for (int i = 0; i < n; i++) {
            label[i] = r.nextInt(2);
            feature[i] = (label[i] == 0 ? -1 : 1) + r.nextGaussian();
        }
        Samples l = Samples.ofColumns(java.util.List.of("label"), label);
        Samples f = Samples.ofColumns(java.util.List.of("f"), feature);
        Estimate labelsInX = estimate(l, f);
        Estimate labelsInY = estimate(f, l);
        // I(label; feature) for means -1, +1 and unit variance, by quadrature: 0.4863 bits = 0.3371 nats
        assertEquals(0.337, labelsInX.nats(), 0.03);
        assertEquals(labelsInX.nats(), labelsInY.nats(), 0.03);
        assertTrue(labelsInX.notes().get(0).startsWith("x is discrete (label (2 levels))")
                && labelsInX.notes().get(0).contains("ross-mixed with the labels in x"), labelsInX.notes().toString());
    }

    @Test
    void allDiscreteUsesThePlugIn() {
        SplittableRandom r = new SplittableRandom(15);
        int n = 20_000;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextInt(4);
            b[i] = r.nextDouble() < 0.8 ? a[i] : r.nextInt(4);
        }
        Estimate e = estimate(Samples.ofColumns(java.util.List.of("a"), a), Samples.ofColumns(java.util.List.of("b"),
                b));
        // symmetric channel on 4 symbols, P(same) = 0.8 + 0.2/4 = 0.85: I = ln 4 - H(0.85, 0.05, 0.05, 0.05)
        double truth = Math.log(4) + 0.85 * Math.log(0.85) + 3 * 0.05 * Math.log(0.05);
        assertEquals(truth, e.nats(), 0.02);
        assertTrue(e.notes().get(0).startsWith("every column is discrete"), e.notes().toString());
    }
}
