package org.milab.plugins.classic.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.milab.api.data.Samples;

class SymbolsTest {

    @Test
    void codesRowsAndTreatsSignedZeroAsEqual() {
        Samples s = Samples.ofColumns(List.of("a", "b"), new double[] {0.0, -0.0, 1, 1}, new double[] {2, 2, 2, 3});
        Symbols sym = Symbols.of(s);
        assertEquals(3, sym.cardinality());
        assertEquals(sym.ids()[0], sym.ids()[1]);
        assertArrayEquals(new int[] {2, 1, 1}, sym.counts());
    }

    /** Equal rows get equal symbols and different rows different ones, as a hash map of rows would say. */
    @Property(tries = 50)
    void agreesWithAMapOfRows(@ForAll @IntRange(min = 1, max = 200) int n, @ForAll long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextInt(4);
            b[i] = r.nextInt(3) * 0.5;
        }
        Symbols sym = Symbols.of(Samples.ofColumns(List.of("a", "b"), a, b));
        Map<List<Double>, Integer> seen = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Integer prior = seen.putIfAbsent(List.of(a[i], b[i]), sym.ids()[i]);
            if (prior != null) {
                assertEquals(prior.intValue(), sym.ids()[i]);
            }
        }
        assertEquals(seen.size(), sym.cardinality());
        assertEquals(seen.size(), new java.util.HashSet<>(seen.values()).size());
    }
}
