package org.milab.plugins.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milab.api.InvalidDataException;
import org.milab.api.data.Dataset;
import org.milab.api.data.DatasetProvider;
import org.milab.api.testkit.TestRunContext;

class IdxFileTest implements FileDatasetContract {

    @TempDir
    Path tmp;

    @Override
    public DatasetProvider dataset() {
        return new IdxFile();
    }

    @Override
    public String fileParameter() {
        return "data";
    }

    @Override
    public Map<String, ?> contractFiles() throws IOException {
        return Map.of("data", images(5).toString(), "labels", labels(5).toString());
    }

    private static Dataset load(Map<String, ?> params) {
        try (TestRunContext ctx = TestRunContext.of(new IdxFile(), 1, params)) {
            return new IdxFile().load(ctx);
        }
    }

    /** A gzipped rank-3 unsigned-byte IDX file of n items of 2x3 values, value = item*10 + position. */
    private Path images(int n) throws IOException {
        Path f = tmp.resolve("img.idx3.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(f)); DataOutputStream d = new DataOutputStream(o)) {
            d.write(new byte[] {0, 0, 0x08, 3});
            d.writeInt(n);
            d.writeInt(2);
            d.writeInt(3);
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < 6; p++) {
                    d.writeByte(i * 10 + p);
                }
            }
        }
        return f;
    }

    private Path labels(int n) throws IOException {
        Path f = tmp.resolve("lab.idx1");
        try (DataOutputStream d = new DataOutputStream(Files.newOutputStream(f))) {
            d.write(new byte[] {0, 0, 0x08, 1});
            d.writeInt(n);
            for (int i = 0; i < n; i++) {
                d.writeByte(i % 3);
            }
        }
        return f;
    }

    @Test
    void itemsBecomeRowsAndLabelsAView() throws IOException {
        Dataset d = load(Map.of("data", images(4).toString(), "labels", labels(4).toString(), "scale", 0.5));
        assertEquals(4, d.size());
        assertEquals(6, d.view("x").cols());
        assertEquals((2 * 10 + 5) * 0.5, d.view("x").get(2, 5));
        assertEquals(2.0, d.view("label").get(2, 0));
    }

    @Test
    void limitAndMismatchedLabels() throws IOException {
        assertEquals(2, load(Map.of("data", images(4).toString(), "limit", 2)).size());
        Path img = images(4);
        Path lab = labels(3);
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> load(Map.of("data", img.toString(), "labels", lab.toString())));
        assertTrue(e.getMessage().contains("expected 4 labels"), e.getMessage());
    }

    @Test
    void readsTheSharedMnistCopy() {
        Path dir = SharedData.require("mnist-10k");
        Dataset d = load(Map.of("data", dir.resolve("images-idx3-ubyte.gz").toString(),
                "labels", dir.resolve("labels-idx1-ubyte.gz").toString(), "limit", 500));
        assertEquals(500, d.size());
        assertEquals(784, d.view("x").cols());
    }
}
