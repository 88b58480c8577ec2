package org.milab.plugins.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milab.api.InvalidDataException;
import org.milab.api.MilabExtension;
import org.milab.api.data.Dataset;
import org.milab.api.testkit.ExtensionContract;
import org.milab.api.testkit.TestRunContext;

class ImageDatasetTest implements ExtensionContract {

    @TempDir
    Path tmp;

    @Override
    public MilabExtension extension() {
        return new ImageDataset();
    }

    private static Dataset load(Map<String, ?> params) {
        ImageDataset f = new ImageDataset();
        try (TestRunContext ctx = TestRunContext.of(f, 3, params)) {
            return f.load(ctx);
        }
    }

    @Test
    void readsTheSharedMnistCopy() {
        Path dir = SharedData.require("mnist-10k");
        Dataset d = load(Map.of("dir", dir.toString(), "limit", 2000));
        assertEquals(2000, d.size());
        assertEquals(784, d.view("x").cols());
        for (double v : d.view("label").column(0)) {
            assertTrue(v >= 0 && v <= 9 && v == Math.rint(v));
        }
        double max = 0;
        for (double v : d.view("x").toRowMajor()) {
            max = Math.max(max, v);
        }
        assertEquals(1.0, max, 1e-12, "pixels scaled to [0, 1]");
    }

    @Test
    void halvesAndCorruptedViews() {
        Path dir = SharedData.require("mnist-10k");
        Dataset h = load(Map.of("dir", dir.toString(), "limit", 100, "views", "halves"));
        assertEquals(392, h.view("left").cols());
        assertEquals(392, h.view("right").cols());
        assertEquals(load(Map.of("dir", dir.toString(), "limit", 100)).view("x").get(5, 28 * 10 + 3),
                h.view("left").get(5, 14 * 10 + 3), 0);
        Dataset c = load(Map.of("dir", dir.toString(), "limit", 50, "views", "corrupted", "corruption", "occlusion",
                "strength", 0.5));
        double[] x = c.view("x").toRowMajor();
        double[] y = c.view("corrupted").toRowMajor();
        int changed = 0;
        for (int i = 0; i < x.length; i++) {
            changed += x[i] != y[i] ? 1 : 0;
        }
        assertTrue(changed > 0 && changed <= 50 * 14 * 14, "at most a 14x14 square per image changes");
    }

    @Test
    void stratifiedSplitsKeepClassProportionsAndPartition() {
        Path dir = SharedData.dir();
        Map<String, Object> base = Map.of("dir", dir.toString(), "name", "uci-digits");
        int all = load(base).size();
        assertEquals(1797, all);
        int sum = 0;
        for (String part : new String[] {"train", "validation", "test"}) {
            java.util.HashMap<String, Object> p = new java.util.HashMap<>(base);
            p.put("split", part);
            Dataset d = load(p);
            sum += d.size();
            if (part.equals("test")) {
                // each of the 10 classes (about 180 rows) contributes round(0.2 * size) rows
                long zeros = java.util.Arrays.stream(d.view("label").column(0)).filter(v -> v == 0).count();
                assertEquals(Math.round(0.2 * 178), zeros);
            }
        }
        assertEquals(all, sum, "the three parts partition the rows");
    }

    @Test
    void absentFilesSayWhereToPutThem() {
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> load(Map.of("dir", tmp.toString(), "name", "fashion-mnist")));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte.gz") && e.getMessage().contains("download"),
                e.getMessage());
    }
}
