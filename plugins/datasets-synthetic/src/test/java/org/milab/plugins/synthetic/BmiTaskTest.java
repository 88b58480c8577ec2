package org.milab.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.data.Dataset;
import org.milab.api.data.DatasetProvider;
import org.milab.plugins.synthetic.BmiTask.Task;

class BmiTaskTest implements GeneratorContract {

    // Ground truths recomputed independently with numpy/scipy (slogdet, gammaln, digamma) from the task
    // definitions of Czyz et al. (2023); the paper's table rounds them to 0.41, 0.29, 0.41, 0.59, 1.29, 1.62, 1.02,
    // 0.22, 0.43, 0.19, 0.29, 0.18, 0.45, 0.30, 1.71, 0.33.
    private static final double BINORMAL = 0.41333928659223396;
    private static final double TWO_PAIR = 1.0216512475319814;

    private static double expected(Task t) {
        return switch (t) {
            case NORMAL_1X1, UNIFORM_MARGINS_1X1, BIMODAL_1X1, WIGGLY_1X1, HALF_CUBE_1X1, SWISS_ROLL_2X1 -> BINORMAL;
            case ADDITIVE_NOISE_0P10 -> 1.7094379124341004;
            case ADDITIVE_NOISE_0P75 -> 1.0 / 3;
            case STUDENT_1X1_DOF1, ASINH_STUDENT_1X1_DOF1 -> 0.22417142752923613;
            case DENSE_2X2 -> 0.2938933324510594;
            case DENSE_3X3 -> 0.41333928659223407;
            case DENSE_5X5 -> 0.5928118328288694;
            case DENSE_25X25 -> 1.2921837216593168;
            case DENSE_50X50 -> 1.6242653743037039;
            case STUDENT_2X2_DOF1, ASINH_STUDENT_2X2_DOF1 -> 0.43194562200144127;
            case STUDENT_2X2_DOF2 -> 0.1931471805599454;
            case STUDENT_3X3_DOF2, ASINH_STUDENT_3X3_DOF2 -> 0.29092192268276484;
            case STUDENT_3X3_DOF3 -> 0.17871185309236282;
            case STUDENT_5X5_DOF2, ASINH_STUDENT_5X5_DOF2 -> 0.44815067691532917;
            case STUDENT_5X5_DOF3 -> 0.29854362265275824;
            default -> TWO_PAIR; // every 2-pair task and its normal-cdf, half-cube and spiral transforms
        };
    }

    @Override
    public DatasetProvider dataset() {
        return new BmiTask();
    }

    @Test
    void thereAreFortyTasksWithThePapersTruths() {
        assertEquals(40, Task.values().length);
        for (Task t : Task.values()) {
            Dataset d = Moments.load(new BmiTask(), 1, Map.of("task", t.name().toLowerCase().replace('_', '-'), "n", 20));
            assertEquals(expected(t), d.trueMi("x", "y").orElseThrow().nats(), 1e-9, t.title());
            assertEquals(20, d.size());
            d.view("x").requireFinite(t.title());
            d.view("y").requireFinite(t.title());
        }
    }

    @Test
    void dimensionsFollowTheTaskNames() {
        Dataset swiss = Moments.load(new BmiTask(), 1, Map.of("task", "swiss-roll-2x1", "n", 10));
        assertEquals(2, swiss.view("x").cols());
        assertEquals(1, swiss.view("y").cols());
        Dataset dense = Moments.load(new BmiTask(), 1, Map.of("task", "dense-50x50", "n", 10));
        assertEquals(50, dense.view("x").cols());
        assertEquals(50, dense.view("y").cols());
    }

    @Test
    void bimodalMarginsHaveTheMixtureMoments() {
        int n = 20_000;
        Dataset d = Moments.load(new BmiTask(), 2, Map.of("task", "bimodal-1x1", "n", n));
        // x ~ 0.3 N(0,1) + 0.7 N(5,1): mean 3.5, variance 1 + 0.21 * 25 = 6.25; sd of the mean 0.018: 5 sd
        assertEquals(3.5, Moments.mean(d.view("x").column(0)), 0.09);
        assertEquals(6.25, Moments.variance(d.view("x").column(0)), 0.25);
        // y ~ 0.5 N(-1,1) + 0.5 N(3,1): mean 1, variance 5
        assertEquals(1, Moments.mean(d.view("y").column(0)), 0.08);
    }

    @Test
    void spiralKeepsTheNormOfTheGaussianBase() {
        Dataset base = Moments.load(new BmiTask(), 3, Map.of("task", "two-pair-5x5", "n", 200));
        Dataset spun = Moments.load(new BmiTask(), 3, Map.of("task", "spiral-two-pair-5x5", "n", 200));
        for (int i = 0; i < 200; i++) {
            assertEquals(norm(base.view("x").row(i)), norm(spun.view("x").row(i)), 1e-9);
        }
        assertTrue(Math.abs(base.view("x").get(0, 0) - spun.view("x").get(0, 0)) > 0);
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double a : v) {
            s += a * a;
        }
        return Math.sqrt(s);
    }
}
