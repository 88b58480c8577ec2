package org.milab.plugins.classic.knn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimator;
import org.milab.api.testkit.KnownTruth;
import org.milab.api.testkit.TestRunContext;
import org.milab.plugins.classic.LabelledPairsContract;
import org.milab.plugins.classic.Synthetic;

class GaoMixedTest implements LabelledPairsContract {

    private final GaoMixed gao = new GaoMixed();

    @Override
    public Estimator estimator() {
        return gao;
    }

    /** Continuous Gaussians, n = 4000, rho = 0.7: on continuous data the estimator is KSG-like; as KSG, 0.06. */
    @Override
    public KnownTruth knownTruth() {
        return KnownTruth.gaussian(4000, 0.7, 63, 0.06);
    }

    private double mi(Samples x, Samples y) {
        try (TestRunContext ctx = TestRunContext.of(gao, 6, Map.of())) {
            return gao.estimate(x, y, ctx).nats();
        }
    }

    /**
     * Purely discrete: X uniform on 4 values, Y = X: I = log 4. Every k-NN distance is 0, so the estimate is
     * log n - psi(n_x) with n_x ≈ n/4, i.e. log 4 up to O(4/n) and the multinomial noise of the class sizes
     * (sd of log n_x ≈ 0.03 at n = 2000); allowed 0.05.
     */
    @Test
    void recoversDiscreteMi() {
        SplittableRandom r = new SplittableRandom(61);
        double[] v = new double[2000];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(4);
        }
        Samples x = Samples.ofColumns(Samples.names("x", 1), v);
        assertEquals(Math.log(4), mi(x, Samples.ofColumns(Samples.names("y", 1), v.clone())), 0.05);
    }

    /** Mixed: continuous features vs binary labels, truth by integration; as KSG, 0.06. */
    @Test
    void recoversMixedMi() {
        Samples[] xc = Synthetic.labelled(4000, 1.0, 62);
        assertEquals(Synthetic.labelledMi(1.0), mi(xc[0], xc[1]), 0.06);
    }
}
