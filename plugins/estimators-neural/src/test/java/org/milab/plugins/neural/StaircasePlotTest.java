package org.milab.plugins.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class StaircasePlotTest {

    @TempDir
    Path tmp;

    private static StaircaseRun run(float value) {
        float[] v = new float[40];
        java.util.Arrays.fill(v, value);
        return new StaircaseRun("nwj", v, 40, 0, "");
    }

    private static float[] truth() {
        float[] t = new float[40];
        for (int i = 0; i < 40; i++) {
            t[i] = i < 20 ? 2f : 4f;
        }
        return t;
    }

    @Test
    void everyPanelHasALegendWithTheTruthAndTheBatchBound() {
        XYChart c = StaircasePlot.panel("separable", run(3f), truth(), 10, Math.log(64), 8);
        assertTrue(c.getStyler().isLegendVisible());
        assertEquals(List.of("estimate (every 5th step)", "moving average (10 steps)", "true MI", "log batch"),
                List.copyOf(c.getSeriesMap().keySet()));
    }

    @Test
    void aClippedAxisIsStatedOnlyWhenValuesLeaveIt() {
        assertTrue(StaircasePlot.panel("separable", run(3f), truth(), 10, 4.16, 8).getTitle().endsWith("separable"));
        String clipped = StaircasePlot.panel("separable", run(50f), truth(), 10, 4.16, 8).getTitle();
        assertTrue(clipped.endsWith("(y clipped to [-1, 8])"), clipped);
    }

    @Test
    void theFigureIsWrittenAsPngAndSvg() throws IOException {
        StaircasePlot.write(tmp.resolve("staircase-x.png"), "x", List.of(run(3f), run(1f)), truth(), 10, 4.16);
        assertTrue(Files.size(tmp.resolve("staircase-x.png")) > 1000);
        assertTrue(Files.readString(tmp.resolve("staircase-x.svg")).contains("<svg"));
    }
}
