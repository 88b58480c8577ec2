package org.milab.platform.csv;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads CSV records as byte ranges of one reused buffer, with no object per cell: the dialect of Apache Commons
 * CSV's {@code DEFAULT} with trimming (comma-separated, {@code "}-quoted fields with {@code ""} for a quote, line
 * breaks {@code \n}, {@code \r\n} or {@code \r}, empty lines skipped, spaces and tabs around a field dropped), plus a
 * UTF-8 byte-order mark skipped. Files ending in {@code .gz} are decompressed.
 *
 * <p>After {@link #next()} returns true, cell {@code k} of the record is {@code buffer()[start(k), end(k))};
 * {@link #text(int)} and {@link #number(int)} read it. The buffer changes at the next call.
 */
public final class CsvReader implements AutoCloseable {

    private final InputStream in;
    private final Cells cells = new Cells();
    private final RecordScanner scanner = new RecordScanner();
    private byte[] buf = new byte[1 << 16];
    private int limit;
    private int pos;
    private boolean eof;
    private boolean started;
    private int line = 1;
    private int recordLine;

    /** Over {@code in}, which this reader closes. */
    public CsvReader(InputStream in) {
        this.in = in;
    }

    /** Opens {@code file}, decompressing it when its name ends in {@code .gz}. */
    public static CsvReader open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            boolean gz = file.getFileName().toString().endsWith(".gz");
            return new CsvReader(gz ? new GZIPInputStream(raw, 1 << 16) : raw);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** Moves to the next non-empty record; false at the end of the input. */
    public boolean next() throws IOException {
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        while (!(eof && pos >= limit)) {
            int after = scanner.scan(buf, pos, limit, eof, line, cells);
            if (after == RecordScanner.MORE) {
                fill();
                continue;
            }
            recordLine = line + scanner.emptyLines();
            line = recordLine + scanner.lineBreaks();
            pos = after;
            if (cells.count() > 0) {
                return true;
            }
        }
        return false;
    }

    /** The number of cells in the current record. */
    public int cells() {
        return cells.count();
    }

    /** The 1-based line on which the current record starts. */
    public int line() {
        return recordLine;
    }

    /** The buffer the current record's cells lie in. */
    public byte[] buffer() {
        return buf;
    }

    /** Where cell {@code k}'s content starts in {@link #buffer()} (inside its quotes, trimmed). */
    public int start(int k) {
        return cells.start(k);
    }

    /** Where cell {@code k}'s content ends in {@link #buffer()} (exclusive). */
    public int end(int k) {
        return cells.end(k);
    }

    /** Cell {@code k} as text, with {@code ""} inside quotes read as one quote. */
    public String text(int k) {
        String s = new String(buf, cells.start(k), cells.end(k) - cells.start(k), StandardCharsets.UTF_8);
        return cells.escaped(k) ? s.replace("\"\"", "\"") : s;
    }

    /**
     * Cell {@code k} as a number, exactly as {@link Double#parseDouble} reads its text, parsed from the bytes by
     * fastdoubleparser (Lemire's algorithm; the JDK's own parser takes a slow arbitrary-precision path for every
     * number of more than 15 digits, which is every {@code double} printed in full).
     *
     * @throws NumberFormatException when it is not a number
     */
    public double number(int k) {
        if (cells.escaped(k)) {
            return Double.parseDouble(text(k));
        }
        return JavaDoubleParser.parseDouble(buf, cells.start(k), cells.end(k) - cells.start(k));
    }

    /** Keeps the unread bytes, at the buffer's start (growing it when one record fills it), and reads more. */
    private void fill() throws IOException {
        int kept = limit - pos;
        if (kept == buf.length) {
            buf = Arrays.copyOf(buf, 2 * buf.length);
        } else {
            System.arraycopy(buf, pos, buf, 0, kept);
        }
        pos = 0;
        limit = kept;
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    private void skipByteOrderMark() throws IOException {
        while (limit < 3 && !eof) {
            fill();
        }
        if (limit >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
            pos = 3;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
