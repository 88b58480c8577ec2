package org.milab.plugins.plot;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Saves a figure (one chart or a grid of panels) as PNG and as SVG side by side: {@code name.png} for pages and
 * reports, {@code name.svg} for papers. Both are drawn by the same paint calls, so they show the same thing.
 */
public final class FigureFiles {

    private FigureFiles() {
    }

    /** Saves {@code chart} as {@code base.png} and {@code base.svg}; returns the PNG. */
    public static Path save(Chart<?, ?> chart, Path base) {
        return save(List.of(chart), 1, 1, base);
    }

    /**
     * Saves {@code panels} in a grid of {@code rows} by {@code cols} (row by row; each panel keeps its own size,
     * taken from the first) as {@code base.png} and {@code base.svg}; returns the PNG.
     */
    public static Path save(List<? extends Chart<?, ?>> panels, int rows, int cols, Path base) {
        Path png = base.resolveSibling(base.getFileName() + ".png");
        Path svg = base.resolveSibling(base.getFileName() + ".svg");
        try {
            writePng(panels, rows, cols, png);
            writeSvg(panels, rows, cols, svg);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the figure " + png + " / " + svg, e);
        }
        return png;
    }

    /** The grid rendered anti-aliased into an RGB raster, written as PNG. */
    private static void writePng(List<? extends Chart<?, ?>> panels, int rows, int cols, Path png) throws IOException {
        int w = panels.get(0).getWidth();
        int h = panels.get(0).getHeight();
        BufferedImage image = new BufferedImage(cols * w, rows * h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        paint(g, panels, cols, w, h);
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    /** The grid recorded as vector commands, written as SVG. */
    private static void writeSvg(List<? extends Chart<?, ?>> panels, int rows, int cols, Path svg) throws IOException {
        int w = panels.get(0).getWidth();
        int h = panels.get(0).getHeight();
        VectorGraphics2D vg = new VectorGraphics2D();
        paint(vg, panels, cols, w, h);
        Document doc = Processors.get("svg").getDocument(vg.getCommands(), new PageSize(0, 0, cols * w, rows * h));
        try (OutputStream out = Files.newOutputStream(svg)) {
            doc.writeTo(out);
        }
    }

    private static void paint(Graphics2D g, List<? extends Chart<?, ?>> panels, int cols, int w, int h) {
        for (int i = 0; i < panels.size(); i++) {
            Graphics2D panel = (Graphics2D) g.create((i % cols) * w, (i / cols) * h, w, h);
            panels.get(i).paint(panel, w, h);
            panel.dispose();
        }
    }
}
