package org.milab.api.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.milab.api.InvalidDataException;

class SamplesTest {

    private final Samples s = Samples.ofColumns(List.of("a", "b"), new double[] {1, 2, 3}, new double[] {4, 5, 6});

    @Test
    void rowMajorAccess() {
        assertEquals(3, s.rows());
        assertEquals(2, s.cols());
        assertEquals(5, s.get(1, 1));
        assertArrayEquals(new double[] {4, 5, 6}, s.column(1));
        assertArrayEquals(new double[] {3, 6}, s.row(2));
    }

    @Test
    void selections() {
        assertArrayEquals(new double[] {4, 5, 6}, s.selectColumns(List.of("b")).column(0));
        assertArrayEquals(new double[] {3, 3, 1}, s.selectRows(new int[] {2, 2, 0}).column(0));
        Samples joined = s.withColumnsOf(s.selectColumns(List.of("a")));
        assertEquals(List.of("a", "b", "a"), joined.columnNames());
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> s.selectColumns(List.of("c")));
        assertTrue(e.getMessage().contains("no column 'c'"));
    }

    @Test
    void nonFiniteValuesAreNamed() {
        Samples bad = Samples.ofColumns(List.of("a"), new double[] {1, Double.NaN});
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> bad.requireFinite("x"));
        assertTrue(e.getMessage().contains("row 1, column 'a'"), e.getMessage());
    }

    @Test
    void fingerprintIdentifiesValuesAndShape() {
        assertEquals(s.fingerprint(), Samples.wrap(3, 2, s.toRowMajor(), List.of("p", "q")).fingerprint());
        assertNotEquals(s.fingerprint(), Samples.wrap(2, 3, s.toRowMajor(), List.of("p", "q", "r")).fingerprint());
        assertThrows(IllegalArgumentException.class, () -> Samples.wrap(2, 2, new double[3], List.of("a", "b")));
    }
}
