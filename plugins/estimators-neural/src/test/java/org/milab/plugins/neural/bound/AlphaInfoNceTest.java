package org.milab.plugins.neural.bound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.bound.MiBound;
import org.milab.api.testkit.MiBoundContract;

class AlphaInfoNceTest extends BoundTestBase implements MiBoundContract {

    @Override
    public MiBound bound() {
        return new AlphaInfoNce();
    }

    @Override
    public double referenceValue(double[][] f) {
        return reference(f, 0.5);
    }

    /** Row-wise baselines, as InfoNCE: not symmetric. */
    @Override
    public boolean symmetric() {
        return false;
    }

    /** The bound written out with explicit leave-one-out baselines. */
    private static double reference(double[][] f, double alpha) {
        int n = f.length;
        double paired = 0;
        double unpaired = 0;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += Math.exp(f[i][k]);
            }
            paired += f[i][i] - Math.log(alpha * sum / n + 1 - alpha);
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    double leaveOut = alpha * (sum - Math.exp(f[i][j])) / (n - 1) + 1 - alpha;
                    unpaired += Math.exp(f[i][j]) / leaveOut;
                }
            }
        }
        return 1 + paired / n - unpaired / (n * (n - 1.0));
    }

    @Test
    void matchesTheLeaveOneOutFormula() {
        double[][] f = ScoreMatrices.random(16, 2.0, 12);
        for (double alpha : new double[] {0.01, 0.5, 0.99}) {
            assertEquals(reference(f, alpha), value(with(new AlphaInfoNce(), Map.of("alpha", alpha)), f),
                    FLOAT_TOLERANCE, "alpha " + alpha);
        }
    }

    @Test
    void interpolatesBetweenTubaAndACappedBound() {
        double[][] f = ScoreMatrices.random(16, 40.0, 13);
        assertEquals(ScoreMatrices.tuba(f, 0), value(with(new AlphaInfoNce(), Map.of("alpha", 0.0)), f), 1e-2);
        // the value is at most 1 + log(n / alpha): with alpha = 1 and huge paired scores it sits at 1 + log 16
        double capped = value(with(new AlphaInfoNce(), Map.of("alpha", 1.0)), f);
        assertTrue(capped <= 1 + Math.log(16) + 1e-4 && capped > 1 + Math.log(16) - 0.1, "value " + capped);
    }
}
