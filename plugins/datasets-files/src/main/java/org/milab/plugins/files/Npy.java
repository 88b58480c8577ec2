package org.milab.plugins.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.milab.api.InvalidDataException;

/**
 * The NumPy {@code .npy} format (versions 1-3): magic "\x93NUMPY", version, a little-endian header length, a Python
 * dict literal with descr, fortran_order and shape, then the raw values. Numeric dtypes of either byte order and
 * bool are read into doubles; 0-, 1- and 2-dimensional arrays become n x d matrices (1-D: one column).
 */
final class Npy {

    /** A decoded array as an n x d row-major matrix. */
    record Matrix(int rows, int cols, double[] values) {
    }

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])?([fiub])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /**
     * What a .npy header says about its array.
     *
     * @param kind       dtype kind: f, i, u or b
     * @param width      bytes per value
     * @param order      byte order of the values
     * @param rows       rows (1 for a scalar)
     * @param cols       columns (1 for a vector)
     * @param fortran    whether the values are stored column-major
     * @param dataOffset the offset of the first value in the file
     */
    private record Header(char kind, int width, ByteOrder order, int rows, int cols, boolean fortran,
                          long dataOffset) {
    }

    /** Reads one array from {@code in}; {@code where} names the file (and entry) in messages. */
    static Matrix read(InputStream in, String where) throws IOException {
        Header h = header(in, where);
        ByteBuffer bb = ByteBuffer.wrap(data(in, h, where)).order(h.order());
        double[] v = new double[h.rows() * h.cols()];
        for (int i = 0; i < v.length; i++) {
            double x = value(bb, i * h.width(), h.kind(), h.width(), where);
            int target = h.fortran() ? (i % h.rows()) * h.cols() + i / h.rows() : i;
            v[target] = x;
        }
        return new Matrix(h.rows(), h.cols(), v);
    }

    /** The raw bytes of the values that {@code h} announces. */
    private static byte[] data(InputStream in, Header h, String where) throws IOException {
        long count = (long) h.rows() * h.cols();
        if (count * h.width() > Integer.MAX_VALUE - 16) {
            throw new InvalidDataException(where + ": " + count + " values are too many for one array");
        }
        byte[] raw = in.readNBytes((int) (count * h.width()));
        if (raw.length < count * h.width()) {
            throw new InvalidDataException(where + ": data ends at byte " + (h.dataOffset() + raw.length)
                    + ", expected " + (count * h.width()) + " bytes from offset " + h.dataOffset());
        }
        return raw;
    }

    /** Reads the magic string, the header length and the header, leaving {@code in} at the first value. */
    private static Header header(InputStream in, String where) throws IOException {
        byte[] magic = in.readNBytes(8);
        if (magic.length < 8 || (magic[0] & 0xff) != 0x93 || !new String(magic, 1, 5, StandardCharsets.ISO_8859_1).equals("NUMPY")) {
            throw new InvalidDataException(where + ": not a .npy array (magic \\x93NUMPY expected at offset 0)");
        }
        int major = magic[6];
        byte[] lenBytes = in.readNBytes(major == 1 ? 2 : 4);
        ByteBuffer lb = ByteBuffer.wrap(java.util.Arrays.copyOf(lenBytes, 4)).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen = lb.getInt();
        String header = new String(in.readNBytes(headerLen), major >= 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return parseHeader(header, 8 + lenBytes.length + headerLen, where);
    }

    /** The dtype, order and (n, d) shape that the header dictionary {@code header} gives. */
    private static Header parseHeader(String header, long dataOffset, String where) {
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) {
            throw new InvalidDataException(where + ": header at offset 10 is not a numeric array header: " + header.trim()
                    + " (supported dtypes: float, int, uint, bool)");
        }
        ByteOrder order = ">".equals(d.group(1)) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int[] shape = matrixShape(s.group(1), where);
        return new Header(d.group(2).charAt(0), Integer.parseInt(d.group(3)), order, shape[0], shape[1],
                "True".equals(f.group(1)), dataOffset);
    }

    /** The (rows, cols) of a shape tuple of at most two dimensions: a scalar is 1 x 1, a vector one column. */
    private static int[] matrixShape(String text, String where) {
        int[] shape = parseShape(text, where);
        if (shape.length > 2) {
            throw new InvalidDataException(where + ": array has " + shape.length + " dimensions " + text
                    + "; flatten it to (n, d) first (images: reshape to n x pixels)");
        }
        return new int[] {shape.length == 0 ? 1 : shape[0], shape.length < 2 ? 1 : shape[1]};
    }

    private static int[] parseShape(String text, String where) {
        String[] parts = text.split(",");
        java.util.List<Integer> dims = new java.util.ArrayList<>();
        for (String p : parts) {
            if (!p.isBlank()) {
                try {
                    dims.add(Integer.parseInt(p.trim().replace("L", "")));
                } catch (NumberFormatException e) {
                    throw new InvalidDataException(where + ": bad shape (" + text + ")");
                }
            }
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double value(ByteBuffer bb, int at, char kind, int width, String where) {
        return switch (kind) {
            case 'f' -> floating(bb, at, width, where);
            case 'i' -> signed(bb, at, width, where);
            case 'u', 'b' -> unsigned(bb, at, kind, width, where);
            default -> throw unsupported(kind, width, where);
        };
    }

    private static double floating(ByteBuffer bb, int at, int width, String where) {
        return switch (width) {
            case 8 -> bb.getDouble(at);
            case 4 -> bb.getFloat(at);
            default -> throw unsupported('f', width, where);
        };
    }

    private static double signed(ByteBuffer bb, int at, int width, String where) {
        return switch (width) {
            case 1 -> bb.get(at);
            case 2 -> bb.getShort(at);
            case 4 -> bb.getInt(at);
            case 8 -> bb.getLong(at);
            default -> throw unsupported('i', width, where);
        };
    }

    /** Unsigned integers and bools. */
    private static double unsigned(ByteBuffer bb, int at, char kind, int width, String where) {
        return switch (width) {
            case 1 -> bb.get(at) & 0xff;
            case 2 -> bb.getShort(at) & 0xffff;
            case 4 -> bb.getInt(at) & 0xffffffffL;
            case 8 -> unsignedLong(bb.getLong(at));
            default -> throw unsupported(kind, width, where);
        };
    }

    private static double unsignedLong(long u) {
        return u >= 0 ? u : (u >>> 1) * 2.0 + (u & 1);
    }

    private static InvalidDataException unsupported(char kind, int width, String where) {
        return new InvalidDataException(where + ": unsupported dtype " + kind + width);
    }
}
