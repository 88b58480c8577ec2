package org.milab.plugins.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class FigureStyleTest {

    @Test
    void clippingIsStatedInTheTitleOnlyWhenSomethingIsClipped() {
        XYChart inside = FigureStyle.chart(200, 100, "t", "x", "y [nats]");
        assertEquals(0, FigureStyle.clipY(inside, -1, 5, new double[] {0, 4.9}));
        assertEquals("t", inside.getTitle());
        XYChart outside = FigureStyle.chart(200, 100, "t", "x", "y [nats]");
        assertEquals(2, FigureStyle.clipY(outside, -1, 5, new double[] {0, 7, Double.NaN}));
        assertEquals("t (y clipped to [-1, 5])", outside.getTitle());
    }

    @Test
    void everyChartHasALegend() {
        assertTrue(FigureStyle.chart(200, 100, "t", "x", "y").getStyler().isLegendVisible());
    }

    @Test
    void clampKeepsValuesInsideAndMapsNanToTheLowEnd() {
        assertEquals(5, FigureStyle.clamp(9, -1, 5));
        assertEquals(-1, FigureStyle.clamp(Double.NaN, -1, 5));
        assertEquals(2, FigureStyle.clamp(2, -1, 5));
    }
}
