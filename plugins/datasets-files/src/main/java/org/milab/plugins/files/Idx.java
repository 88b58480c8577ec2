package org.milab.plugins.files;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.milab.api.InvalidDataException;

/**
 * The IDX format of MNIST (gzip or not): magic 0x00 0x00 type rank, rank big-endian int32 sizes, then the values
 * in row-major order. Reads unsigned bytes (type 0x08) and the other numeric types; one pass, one array.
 */
final class Idx {

    /** The decoded array: sizes and values, n = sizes[0] items of prod(sizes[1..]) values each. */
    record Array(int[] sizes, double[] values) {
        int items() {
            return sizes[0];
        }

        int itemSize() {
            int s = 1;
            for (int i = 1; i < sizes.length; i++) {
                s *= sizes[i];
            }
            return s;
        }
    }

    private Idx() {
    }

    /** Reads an IDX file, at most {@code limit} items. */
    static Array read(Path path, int limit) {
        try (InputStream raw = Sources.open(path); DataInputStream in = new DataInputStream(raw)) {
            byte[] head = magic(in, path);
            int type = head[2] & 0xff;
            int[] sizes = sizes(in, head[3] & 0xff, path);
            sizes[0] = Math.min(sizes[0], limit);
            double[] v = new double[valueCount(sizes, path)];
            readValues(in, type, v, 4 + 4L * sizes.length, path);
            return new Array(sizes, v);
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": " + e.getMessage(), e);
        }
    }

    /** The first four bytes: two zeros, the value type and the rank. */
    private static byte[] magic(DataInputStream in, Path path) throws IOException {
        byte[] head = new byte[4];
        Sources.readFully(in, head, path, 0);
        if (head[0] != 0 || head[1] != 0) {
            throw new InvalidDataException(path + ": not an IDX file (magic bytes 0 0 expected at offset 0, got "
                    + head[0] + " " + head[1] + ")");
        }
        return head;
    }

    /** The {@code rank} dimension sizes that follow the magic bytes. */
    private static int[] sizes(DataInputStream in, int rank, Path path) throws IOException {
        if (rank < 1) {
            throw new InvalidDataException(path + ": IDX rank 0 at offset 3; expected at least 1 dimension");
        }
        int[] sizes = new int[rank];
        for (int i = 0; i < rank; i++) {
            sizes[i] = in.readInt();
            if (sizes[i] < 0) {
                throw new InvalidDataException(path + ": negative size " + sizes[i] + " at offset " + (4 + 4 * i));
            }
        }
        return sizes;
    }

    /** The number of values in an array of these sizes, when it fits one Java array. */
    private static int valueCount(int[] sizes, Path path) {
        long count = (long) sizes[0] * new Array(sizes, null).itemSize();
        if (count > Integer.MAX_VALUE - 16) {
            throw new InvalidDataException(path + ": " + count + " values do not fit one array; lower 'limit'");
        }
        return (int) count;
    }

    /** Fills {@code v} with the values that start at byte {@code offset}, reading at most 1 MiB at a time. */
    private static void readValues(DataInputStream in, int type, double[] v, long offset, Path path)
            throws IOException {
        int width = width(type, path);
        byte[] buf = new byte[(int) Math.min((long) v.length * width, 1 << 20)];
        long position = offset;
        int at = 0;
        while (at < v.length) {
            int chunk = Math.min(buf.length / width, v.length - at);
            byte[] part = chunk * width == buf.length ? buf : new byte[chunk * width];
            Sources.readFully(in, part, path, position);
            decode(part, type, v, at, chunk);
            at += chunk;
            position += (long) chunk * width;
        }
    }

    private static int width(int type, Path path) {
        return switch (type) {
            case 0x08, 0x09 -> 1;
            case 0x0B -> 2;
            case 0x0C, 0x0D -> 4;
            case 0x0E -> 8;
            default -> throw new InvalidDataException(path + ": unknown IDX type 0x" + Integer.toHexString(type)
                    + " at offset 2; expected 0x08, 0x09, 0x0B, 0x0C, 0x0D or 0x0E");
        };
    }

    private static void decode(byte[] b, int type, double[] out, int at, int count) {
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b); // IDX is big-endian, the ByteBuffer default
        for (int i = 0; i < count; i++) {
            out[at + i] = switch (type) {
                case 0x08 -> b[i] & 0xff;
                case 0x09 -> b[i];
                case 0x0B -> bb.getShort(2 * i);
                case 0x0C -> bb.getInt(4 * i);
                case 0x0D -> bb.getFloat(4 * i);
                default -> bb.getDouble(8 * i);
            };
        }
    }
}
