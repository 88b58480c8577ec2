package org.milab.plugins.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.milab.api.InvalidDataException;
import org.milab.api.data.Samples;

class StandardiserTest {

    @Test
    void givesMeanZeroAndUnitVariance() {
        Samples s = Samples.ofColumns(List.of("a", "b"), new double[] {1, 2, 3, 4}, new double[] {10, 10, 30, 30});
        Samples z = Standardiser.fit(s, "x").apply(s);
        for (int c = 0; c < 2; c++) {
            double[] col = z.column(c);
            double mean = (col[0] + col[1] + col[2] + col[3]) / 4;
            double var = 0;
            for (double v : col) {
                var += (v - mean) * (v - mean) / 3;
            }
            assertEquals(0, mean, 1e-12);
            assertEquals(1, var, 1e-12);
        }
        assertEquals(s.get(2, 1), Standardiser.identity(2).apply(s).get(2, 1));
    }

    @Test
    void namesAConstantColumn() {
        Samples s = Samples.ofColumns(List.of("a", "flat"), new double[] {1, 2, 3}, new double[] {5, 5, 5});
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> Standardiser.fit(s, "y"));
        assertTrue(e.getMessage().startsWith("y: column 'flat' is constant over the 3 training rows"), e.getMessage());
    }
}
