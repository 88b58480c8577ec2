package org.milab.plugins.energy.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;

/** Writes a chart as PNG and SVG. */
final class Figures {

    private Figures() {
    }

    static List<Path> save(XYChart chart, Path dir, String stem) {
        Path png = dir.resolve(stem + ".png");
        Path svg = dir.resolve(stem + ".svg");
        try {
            BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
            VectorGraphicsEncoder.saveVectorGraphic(chart, svg.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the figure " + png, e);
        }
        return List.of(png, svg);
    }
}
