package org.milab.plugins.infoplane.capture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.milab.api.InvalidDataException;
import org.milab.api.data.Samples;

/** Reads the index of a capture folder written by {@link CaptureWriter}, and one snapshot at a time on demand. */
public final class CaptureReader {

    private final List<Snapshot> snapshots;

    private CaptureReader(List<Snapshot> snapshots) {
        this.snapshots = List.copyOf(snapshots);
    }

    /**
     * Reads {@code folder/manifest.csv}.
     *
     * @throws InvalidDataException naming the file and line when the manifest is missing or malformed
     */
    public static CaptureReader open(Path folder) {
        Path manifest = folder.resolve(CaptureWriter.MANIFEST);
        List<String> lines = readManifest(manifest);
        if (lines.isEmpty() || !lines.get(0).equals(CaptureWriter.HEADER)) {
            throw new InvalidDataException(manifest + ":1: expected the header '" + CaptureWriter.HEADER + "'");
        }
        List<Snapshot> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            out.add(parse(folder, manifest, i + 1, lines.get(i)));
        }
        return new CaptureReader(out);
    }

    private static List<String> readManifest(Path manifest) {
        try {
            return Files.readAllLines(manifest, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidDataException("cannot read the activation capture index " + manifest + ": "
                    + e.getMessage() + "; it is written by the capture-training strategy");
        }
    }

    private static Snapshot parse(Path folder, Path manifest, int lineNo, String line) {
        String[] f = line.split(",", -1);
        try {
            if (f.length != 7) {
                throw new NumberFormatException("7 fields");
            }
            return new Snapshot(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3],
                    Integer.parseInt(f[4]), Integer.parseInt(f[5]), folder.resolve(f[6]));
        } catch (NumberFormatException e) {
            throw new InvalidDataException(manifest + ":" + lineNo + ": expected seed,epoch,layer,name,rows,cols,file"
                    + " with whole numbers, got '" + line + "'");
        }
    }

    /** Every snapshot, in the order written. */
    public List<Snapshot> snapshots() {
        return snapshots;
    }

    /**
     * Loads one snapshot as samples with columns {@code <name>-0..}.
     *
     * @throws InvalidDataException when the file is missing or has the wrong size
     */
    public static Samples load(Snapshot s) {
        byte[] bytes = readFile(s.file());
        long expected = (long) s.rows() * s.cols() * Float.BYTES;
        if (bytes.length != expected) {
            throw new InvalidDataException(s.file() + ": expected " + expected + " bytes (" + s.rows() + " x "
                    + s.cols() + " float32), found " + bytes.length);
        }
        FloatBuffer fb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        double[] v = new double[s.rows() * s.cols()];
        for (int i = 0; i < v.length; i++) {
            v[i] = fb.get(i);
        }
        return Samples.wrap(s.rows(), s.cols(), v, Samples.names(s.name() + "-", s.cols()));
    }

    private static byte[] readFile(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the activations " + file, e);
        }
    }
}
