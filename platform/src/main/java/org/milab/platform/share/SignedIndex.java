package org.milab.platform.share;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;

/** Reads a repository's {@code index.json} and accepts it only when {@code index.json.sig} verifies with a trusted key. */
public final class SignedIndex {

    /** The largest index read (a repository of thousands of plugins stays far below it). */
    static final int MAX_INDEX_BYTES = 32 << 20;
    /** The largest signature file read. */
    static final int MAX_SIGNATURE_BYTES = 4096;

    private SignedIndex() {
    }

    /** The verified index of {@code source}. */
    public static RepositoryIndex fetch(RepositorySource source, KeyRing trusted) {
        String where = source.location() + "/" + RepositoryIndex.FILE;
        byte[] json = read(source, RepositoryIndex.FILE, MAX_INDEX_BYTES, where, "the repository has no index ("
                + "publish a plugin into it with 'milab plugins publish')");
        DetachedSignature sig = signature(source, RepositoryIndex.FILE, where);
        sig.verify(json, trusted, where);
        return RepositoryIndex.parse(json, where);
    }

    /** The detached signature of repository file {@code path}; {@code where} names the signed file. */
    static DetachedSignature signature(RepositorySource source, String path, String where) {
        String sigPath = DetachedSignature.fileName(path);
        byte[] text = read(source, sigPath, MAX_SIGNATURE_BYTES, where, "missing signature: the repository has no "
                + sigPath + "; an unsigned file is refused");
        return DetachedSignature.parse(new String(text, StandardCharsets.US_ASCII), where + ".sig");
    }

    private static byte[] read(RepositorySource source, String path, int max, String where, String missing) {
        try {
            return source.readAll(path, max);
        } catch (NoSuchFileException e) {
            throw ShareException.of(where, missing);
        } catch (IOException e) {
            throw ShareException.of(where, "cannot be read: " + ShareException.describe(e));
        }
    }
}
