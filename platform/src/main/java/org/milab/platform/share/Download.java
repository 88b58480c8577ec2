package org.milab.platform.share;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * Fetches one archive from a repository into a temporary file, checking it against its index record as the bytes
 * arrive: never more bytes than the index says (an oversize archive is cut off, not stored), exactly that many
 * (a shorter one is a truncated download), and the SHA-256 it says. On any failure the temporary file is deleted.
 */
final class Download {

    private Download() {
    }

    /**
     * Downloads {@code path} of {@code source} into a new temporary file in {@code tmpDir}.
     *
     * @param what names the plugin in errors, e.g. {@code "plugin pearson 0.1.0"}
     */
    static Path fetch(RepositorySource source, String path, long size, String sha256, Path tmpDir, String what) {
        String where = what + " (" + source.location() + "/" + path + ")";
        try {
            Files.createDirectories(tmpDir);
            Path tmp = Files.createTempFile(tmpDir, "download-", "-" + Path.of(path).getFileName());
            return verifiedCopy(source, path, tmp, new Expected(size, sha256, where));
        } catch (NoSuchFileException e) {
            throw ShareException.of(where, "the repository has no such file");
        } catch (IOException e) {
            throw ShareException.of(where, "download failed: " + ShareException.describe(e));
        }
    }

    /**
     * What the index says of the archive.
     *
     * @param where names the plugin and the file in errors
     */
    private record Expected(long size, String sha256, String where) {
        /** Refuses an archive longer than the index says, before its excess is stored. */
        void checkNotLonger(long total) {
            if (total > size) {
                throw ShareException.of(where, "the archive is larger than the " + size
                        + " bytes the index lists; refused");
            }
        }

        /** Checks that {@code total} bytes, with digest {@code md}, are the whole archive the index lists. */
        void check(long total, MessageDigest md) {
            if (total < size) {
                throw ShareException.of(where, "truncated download: got " + total + " of the " + size
                        + " bytes the index lists");
            }
            String actual = Sha256.hex(md);
            if (!actual.equals(sha256)) {
                throw ShareException.of(where, "SHA-256 mismatch: the index says " + sha256 + ", the archive is "
                        + actual + " (tampered archive or index)");
            }
        }
    }

    /** Copies {@code path} into {@code tmp} and checks it; on any failure {@code tmp} is deleted. */
    private static Path verifiedCopy(RepositorySource source, String path, Path tmp, Expected expected)
            throws IOException {
        boolean ok = false;
        try {
            MessageDigest md = Sha256.digest();
            expected.check(copy(source, path, tmp, md, expected), md);
            ok = true;
            return tmp;
        } finally {
            if (!ok) {
                deleteQuietly(tmp);
            }
        }
    }

    private static long copy(RepositorySource source, String path, Path tmp, MessageDigest md, Expected expected)
            throws IOException {
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = source.open(path); OutputStream out = Files.newOutputStream(tmp)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                expected.checkNotLonger(total);
                md.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is removed by the next install
        }
    }
}
