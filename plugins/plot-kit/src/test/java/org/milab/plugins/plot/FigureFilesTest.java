package org.milab.plugins.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class FigureFilesTest {

    @TempDir
    Path tmp;

    private static XYChart panel(String title) {
        XYChart c = FigureStyle.chart(300, 200, title, "step", "MI [nats]");
        FigureStyle.line(c, "estimate", new double[] {1, 2, 3}, new double[] {0.5, 0.9, 1.1}, FigureStyle.colour(0), 2f);
        FigureStyle.truth(c, "true MI", new double[] {1, 3}, new double[] {1, 1});
        return c;
    }

    @Test
    void oneChartIsWrittenAsPngAndSvgWithItsLegendAndAxisTitles() throws IOException {
        Path png = FigureFiles.save(panel("one"), tmp.resolve("fig"));
        assertEquals(tmp.resolve("fig.png"), png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(300, image.getWidth());
        assertEquals(200, image.getHeight());
        String svg = Files.readString(tmp.resolve("fig.svg"));
        assertTrue(svg.contains("viewBox=\"0 0 300 200\""), "an SVG of the chart's size");
        assertTrue(count(svg, "<path") >= 6, "text (drawn as outlines) and lines: " + count(svg, "<path"));
    }

    @Test
    void aGridHasEveryPanel() throws IOException {
        Path png = FigureFiles.save(List.of(panel("first"), panel("second"), panel("third")), 2, 2, tmp.resolve("g"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(600, image.getWidth());
        assertEquals(400, image.getHeight());
        String svg = Files.readString(tmp.resolve("g.svg"));
        assertTrue(svg.contains("viewBox=\"0 0 600 400\""), "the grid's size");
        FigureFiles.save(panel("first"), tmp.resolve("one"));
        int one = count(Files.readString(tmp.resolve("one.svg")), "<path");
        assertEquals(3 * one, count(svg, "<path"), "three panels' worth of shapes");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
