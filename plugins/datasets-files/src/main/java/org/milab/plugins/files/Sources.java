package org.milab.plugins.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.milab.api.InvalidDataException;

/** Opening files: gzip is detected from the magic bytes 1f 8b, not the name; missing files get a plain message. */
final class Sources {

    private Sources() {
    }

    /** A buffered stream over the file's bytes, decompressed when it is gzip. */
    static InputStream open(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new InvalidDataException("file " + path.toAbsolutePath() + " does not exist or is not a file");
        }
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    /** Reads exactly {@code buf.length} bytes or fails naming the file and offset. */
    static void readFully(InputStream in, byte[] buf, Path path, long offset) throws IOException {
        int done = 0;
        while (done < buf.length) {
            int r = in.read(buf, done, buf.length - done);
            if (r < 0) {
                throw new InvalidDataException(path + ": file ends at byte " + (offset + done) + ", expected "
                        + buf.length + " bytes from offset " + offset + " (truncated file?)");
            }
            done += r;
        }
    }
}
