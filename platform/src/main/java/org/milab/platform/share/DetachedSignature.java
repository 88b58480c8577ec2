package org.milab.platform.share;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.Optional;

/**
 * A detached Ed25519 signature over a file's bytes, stored beside it as {@code FILE.sig}, one line:
 * {@code milab-signature ed25519 KEY_ID BASE64}. The key id says which trusted key must verify it.
 *
 * @param keyId     the signer's key id ({@link Keys#id})
 * @param signature the 64-byte Ed25519 signature
 */
public record DetachedSignature(String keyId, byte[] signature) {

    private static final String HEADER = "milab-signature ed25519";

    /** The signature file that belongs to {@code file}. */
    public static String fileName(String file) {
        return file + ".sig";
    }

    /** Signs {@code content} with {@code key}. */
    public static DetachedSignature sign(Keys.SigningKey key, byte[] content) {
        try {
            Signature s = Signature.getInstance(Keys.ALGORITHM);
            s.initSign(key.pair().getPrivate());
            s.update(content);
            return new DetachedSignature(key.publicKey().id(), s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Signs a file's bytes. */
    public static DetachedSignature sign(Keys.SigningKey key, Path file) {
        return sign(key, read(file));
    }

    /** Parses a signature file's text; {@code where} names it in errors. */
    public static DetachedSignature parse(String text, String where) {
        String t = text.strip();
        String[] f = t.split("\\s+");
        if (!t.startsWith(HEADER) || f.length != 4) {
            throw ShareException.of(where, "not a milab signature: expected one line '" + HEADER + " KEY_ID BASE64'");
        }
        try {
            return new DetachedSignature(f[2], Base64.getDecoder().decode(f[3]));
        } catch (IllegalArgumentException e) {
            throw ShareException.of(where, "the signature is not valid base64");
        }
    }

    /** The file's one-line text. */
    public String text() {
        return HEADER + " " + keyId + " " + Base64.getEncoder().encodeToString(signature) + "\n";
    }

    /**
     * Checks that a key trusted by {@code trusted} made this signature over {@code content}, and returns that key.
     * {@code what} names the signed file in the one-line error otherwise.
     */
    public Keys.NamedPublicKey verify(byte[] content, KeyRing trusted, String what) {
        Optional<Keys.NamedPublicKey> key = trusted.trusted(keyId);
        if (key.isEmpty()) {
            throw ShareException.of(what, "signed by key " + keyId + ", which is not a trusted key (trust the "
                    + "publisher's public key with 'milab keys trust FILE' after checking its id with them)");
        }
        if (verifies(content, key.get())) {
            return key.get();
        }
        throw ShareException.of(what, "the signature does not verify with trusted key " + key.get().name() + " ("
                + keyId + "): the file was changed after it was signed, or the signature is forged");
    }

    private boolean verifies(byte[] content, Keys.NamedPublicKey key) {
        try {
            Signature s = Signature.getInstance(Keys.ALGORITHM);
            s.initVerify(key.key());
            s.update(content);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // a malformed signature does not verify either
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw ShareException.of(file, "cannot be read: " + e.getMessage());
        }
    }

    static DetachedSignature read(Path sigFile, String where) {
        try {
            return parse(Files.readString(sigFile, StandardCharsets.US_ASCII), where);
        } catch (IOException e) {
            throw ShareException.of(where, "cannot be read: " + e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DetachedSignature d && d.keyId.equals(keyId) && java.util.Arrays.equals(d.signature, signature);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode() * 31 + java.util.Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "DetachedSignature[" + keyId + "]";
    }
}
