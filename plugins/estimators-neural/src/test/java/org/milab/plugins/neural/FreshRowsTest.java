package org.milab.plugins.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class FreshRowsTest {

    @Test
    void eachStepTakesTheNextUnseenRows() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(0f, 12f).reshape(new Shape(6, 2));
            NDArray y = m.arange(100f, 106f).reshape(new Shape(6, 1));
            FreshRows rows = new FreshRows(x, y, 2);
            for (int step = 1; step <= 3; step++) {
                try (NDManager s = m.newSubManager()) {
                    NDList b = rows.next(s, step);
                    float first = 2 * (step - 1);
                    assertArrayEquals(new float[] {2 * first, 2 * first + 1, 2 * first + 2, 2 * first + 3},
                            b.get(0).toFloatArray());
                    assertArrayEquals(new float[] {100 + first, 101 + first}, b.get(1).toFloatArray());
                }
            }
            assertThrows(IllegalStateException.class, () -> rows.next(m, 4));
        }
    }
}
