package org.milab.plugins.kd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CchPlotTest {

    @TempDir
    Path tmp;

    private static List<CchPlot.Point> points(boolean intervals) {
        double nan = Double.NaN;
        return List.of(new CchPlot.Point(-0.2, intervals ? -0.3 : nan, intervals ? -0.1 : nan,
                        new MeanInterval(-0.05, -0.08, -0.02, 3)),
                new CchPlot.Point(0.1, intervals ? 0.0 : nan, intervals ? 0.25 : nan, new MeanInterval(0.02, -0.01, 0.05, 3)),
                new CchPlot.Point(0.4, intervals ? 0.3 : nan, intervals ? 0.5 : nan, new MeanInterval(0.07, 0.03, 0.11, 3)));
    }

    private int shapes(Path dir, boolean intervals) throws IOException {
        Path png = CchPlot.writePoints(Files.createDirectories(dir), points(intervals), "accuracy gain");
        assertEquals(dir.resolve("cch.png"), png);
        assertTrue(Files.size(png) > 1000);
        String svg = Files.readString(dir.resolve("cch.svg"));
        return svg.split("<path", -1).length - 1;
    }

    @Test
    void gapIntervalsAddOneHorizontalBarPerLevelAndALegendEntry() throws IOException {
        int without = shapes(tmp.resolve("a"), false);
        int with = shapes(tmp.resolve("b"), true);
        assertTrue(with >= without + 3, "three gap bars drawn: " + without + " -> " + with);
    }
}
