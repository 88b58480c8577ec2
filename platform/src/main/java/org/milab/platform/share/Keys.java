package org.milab.platform.share;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 keys (the JDK's built-in EdDSA, no extra provider) and their one-line text form:
 * {@code milab-ed25519-public NAME BASE64} (X.509 SubjectPublicKeyInfo) and {@code milab-ed25519-private NAME
 * BASE64 BASE64} (PKCS#8, then the public key, which the JDK cannot derive from the private one). A key's id is the first 16 hex digits of the SHA-256 of its public key's encoding: short
 * enough to read out over the phone, and what signatures name.
 */
public final class Keys {

    static final String ALGORITHM = "Ed25519";
    private static final String PUBLIC = "milab-ed25519-public";
    private static final String PRIVATE = "milab-ed25519-private";

    private Keys() {
    }

    /** A named public key. */
    public record NamedPublicKey(String name, PublicKey key) {
        /** The key id. */
        public String id() {
            return Keys.id(key);
        }

        /** The one-line text form. */
        public String text() {
            return PUBLIC + " " + name + " " + Base64.getEncoder().encodeToString(key.getEncoded()) + "\n";
        }
    }

    /** A named signing key (private and public half). */
    public record SigningKey(String name, KeyPair pair) {
        /** The public half. */
        public NamedPublicKey publicKey() {
            return new NamedPublicKey(name, pair.getPublic());
        }

        /** The one-line text form of the private half. */
        public String privateText() {
            Base64.Encoder b64 = Base64.getEncoder();
            return PRIVATE + " " + name + " " + b64.encodeToString(pair.getPrivate().getEncoded()) + " "
                    + b64.encodeToString(pair.getPublic().getEncoded()) + "\n";
        }
    }

    /** A new random key pair. */
    public static SigningKey generate(String name) {
        try {
            return new SigningKey(name, KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is built into every JDK 17", e);
        }
    }

    /** The id of a public key. */
    public static String id(PublicKey key) {
        return Sha256.of(key.getEncoded()).substring(0, 16);
    }

    /** Parses a public key file's text; {@code where} names the file in errors. */
    public static NamedPublicKey parsePublic(String text, String where) {
        String[] f = fields(text, PUBLIC, where, 3);
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(decode(f[2], where)));
            return new NamedPublicKey(f[1], key);
        } catch (GeneralSecurityException e) {
            throw ShareException.of(where, "not an Ed25519 public key (" + e.getMessage() + ")");
        }
    }

    /** Parses a private key file's text; {@code where} names the file in errors. */
    public static SigningKey parsePrivate(String text, String where) {
        String[] f = fields(text, PRIVATE, where, 4);
        try {
            KeyFactory kf = KeyFactory.getInstance(ALGORITHM);
            PrivateKey priv = kf.generatePrivate(new PKCS8EncodedKeySpec(decode(f[2], where)));
            PublicKey pub = kf.generatePublic(new X509EncodedKeySpec(decode(f[3], where)));
            return new SigningKey(f[1], new KeyPair(pub, priv));
        } catch (GeneralSecurityException e) {
            throw ShareException.of(where, "not an Ed25519 private key (" + e.getMessage() + ")");
        }
    }

    private static String[] fields(String text, String kind, String where, int count) {
        String[] f = text.strip().split("\\s+");
        if (f.length != count || !f[0].equals(kind)) {
            throw ShareException.of(where, "not a milab " + (count == 3 ? "public" : "private")
                    + " key file: expected one line '" + kind + " NAME BASE64" + (count == 3 ? "" : " BASE64") + "'");
        }
        return f;
    }

    private static byte[] decode(String base64, String where) {
        try {
            return Base64.getDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw ShareException.of(where, "the key is not valid base64");
        }
    }
}
