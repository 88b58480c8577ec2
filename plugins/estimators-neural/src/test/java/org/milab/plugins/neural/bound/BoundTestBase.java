package org.milab.plugins.neural.bound;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.milab.api.bound.MiBound;
import org.milab.api.testkit.TestRunContext;

/** A tensor manager for a bound test class, and evaluation helpers. */
abstract class BoundTestBase {

    /** float32 reductions over a 16 x 16 matrix of O(1) entries agree with double ones to about 1e-5. */
    static final double FLOAT_TOLERANCE = 1e-4;

    static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    static double value(MiBound bound, double[][] f) {
        return bound.value(ScoreMatrices.of(manager, f)).getFloat();
    }

    static double objective(MiBound bound, double[][] f) {
        return bound.newObjective().objective(ScoreMatrices.of(manager, f)).getFloat();
    }

    static NDArray scores(double[][] f) {
        return ScoreMatrices.of(manager, f);
    }

    /** {@code bound} bound to {@code params}, as the trainer does. */
    static MiBound with(MiBound bound, Map<String, ?> params) {
        try (TestRunContext ctx = TestRunContext.of(bound, 1, params)) {
            return bound.bind(ctx);
        }
    }
}
