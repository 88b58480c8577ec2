package org.milab.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuadratureTest {

    @Test
    void integratesKnownFunctionsWithinTheReportedError() {
        Quadrature.Result r = Quadrature.simpson(Math::sin, 0, Math.PI, 1e-12);
        assertEquals(2, r.value(), 1e-11);
        Quadrature.Result g = Quadrature.simpson(x -> Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI), -12, 12, 1e-12);
        assertEquals(1, g.value(), 1e-11);
        assertTrue(g.error() < 1e-11);
    }
}
