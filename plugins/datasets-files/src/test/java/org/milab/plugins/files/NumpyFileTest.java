package org.milab.plugins.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milab.api.InvalidDataException;
import org.milab.api.data.Dataset;
import org.milab.api.data.DatasetProvider;
import org.milab.api.testkit.TestRunContext;

class NumpyFileTest implements FileDatasetContract {

    @TempDir
    Path tmp;

    @Override
    public DatasetProvider dataset() {
        return new NumpyFile();
    }

    @Override
    public String fileParameter() {
        return "path";
    }

    @Override
    public Map<String, ?> contractFiles() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 6; i++) {
            b.putDouble(i * 1.5);
        }
        Path p = tmp.resolve("contract.npy");
        Files.write(p, npy("<f8", false, "2, 3", b.array()));
        return Map.of("path", p.toString());
    }

    /** A version-1 .npy file, written by hand following the format specification. */
    static byte[] npy(String descr, boolean fortran, String shape, byte[] data) throws IOException {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': ("
                + shape + "), }";
        int pad = 64 - (10 + dict.length() + 1) % 64;
        String header = dict + " ".repeat(pad % 64) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x93);
        out.write("NUMPY".getBytes(StandardCharsets.US_ASCII));
        out.write(1);
        out.write(0);
        out.write(header.length() & 0xff);
        out.write(header.length() >> 8);
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        return out.toByteArray();
    }

    private static Dataset load(Path p) {
        NumpyFile f = new NumpyFile();
        try (TestRunContext ctx = TestRunContext.of(f, 1, Map.of("path", p.toString()))) {
            return f.load(ctx);
        }
    }

    @Test
    void readsCOrderAndFortranOrderArrays() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 1; i <= 6; i++) {
            b.putDouble(i);
        }
        Path c = tmp.resolve("c.npy");
        Files.write(c, npy("<f8", false, "2, 3", b.array()));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, load(c).view("x").toRowMajor());
        Path f = tmp.resolve("f.npy");
        Files.write(f, npy("<f8", true, "2, 3", b.array()));
        // column-major storage of [[1,3,5],[2,4,6]]
        assertArrayEquals(new double[] {1, 3, 5, 2, 4, 6}, load(f).view("x").toRowMajor());
    }

    @Test
    void readsNpzArchivesAsViews() throws IOException {
        ByteBuffer x = ByteBuffer.allocate(12).order(ByteOrder.BIG_ENDIAN);
        x.putFloat(1.5f).putFloat(-2f).putFloat(3f);
        ByteBuffer lab = ByteBuffer.allocate(3).put(new byte[] {0, 1, (byte) 200});
        Path p = tmp.resolve("a.npz");
        try (OutputStream os = Files.newOutputStream(p); ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.putNextEntry(new ZipEntry("x.npy"));
            zip.write(npy(">f4", false, "3,", x.array()));
            zip.putNextEntry(new ZipEntry("label.npy"));
            zip.write(npy("|u1", false, "3,", lab.array()));
        }
        Dataset d = load(p);
        assertArrayEquals(new double[] {1.5, -2, 3}, d.view("x").column(0));
        assertArrayEquals(new double[] {0, 1, 200}, d.view("label").column(0));
        assertEquals(3, d.size());
    }

    @Test
    void truncatedFilesNameTheOffset() throws IOException {
        Path p = tmp.resolve("t.npy");
        Files.write(p, npy("<i4", false, "4,", new byte[6]));
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> load(p));
        assertEquals(true, e.getMessage().contains("expected 16 bytes"), e.getMessage());
    }
}
