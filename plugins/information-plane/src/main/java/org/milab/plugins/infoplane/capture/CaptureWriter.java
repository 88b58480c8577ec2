package org.milab.plugins.infoplane.capture;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Streams snapshots to a folder: each matrix to {@code s<seed>/e<epoch>/<layer>-<name>.f32} (float32, little-endian,
 * row-major, no header) and one line per file to {@code manifest.csv}
 * ({@code seed,epoch,layer,name,rows,cols,file}), flushed per line so that a partly finished run is still readable.
 * Memory: one matrix's bytes at a time.
 */
public final class CaptureWriter implements AutoCloseable {

    /** The manifest's file name. */
    public static final String MANIFEST = "manifest.csv";
    static final String HEADER = "seed,epoch,layer,name,rows,cols,file";

    private final Path folder;
    private final BufferedWriter manifest;
    private long bytes;

    /** Creates {@code folder} and an empty manifest in it. */
    public CaptureWriter(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
            manifest = Files.newBufferedWriter(folder.resolve(MANIFEST), StandardCharsets.UTF_8);
            manifest.write(HEADER);
            manifest.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the activation capture in " + folder, e);
        }
    }

    /** Writes one matrix of {@code rows} x {@code cols} values (row-major) and indexes it. */
    public void write(int seed, int epoch, int layer, String name, int rows, int cols, float[] values) {
        if (values.length != rows * cols) {
            throw new IllegalArgumentException("expected " + rows * cols + " values, got " + values.length);
        }
        String relative = String.format(Locale.ROOT, "s%d/e%06d/%02d-%s.f32", seed, epoch, layer, name);
        Path file = folder.resolve(relative);
        try {
            writeLittleEndian(file, values);
            appendToManifest(String.join(",", String.valueOf(seed), String.valueOf(epoch), String.valueOf(layer), name,
                    String.valueOf(rows), String.valueOf(cols), relative));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the activations " + file, e);
        }
        bytes += (long) values.length * Float.BYTES;
    }

    private void appendToManifest(String line) throws IOException {
        manifest.write(line);
        manifest.newLine();
        manifest.flush();
    }

    /** Writes {@code values} as little-endian float32, creating the file's folder when needed. */
    private static void writeLittleEndian(Path file, float[] values) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(values);
        Files.createDirectories(file.getParent());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }
    }

    /** Bytes of activations written so far. */
    public long bytes() {
        return bytes;
    }

    /** The capture folder. */
    public Path folder() {
        return folder;
    }

    @Override
    public void close() {
        try {
            manifest.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + folder.resolve(MANIFEST), e);
        }
    }
}
