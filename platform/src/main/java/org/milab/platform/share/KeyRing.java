package org.milab.platform.share;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The keys of one milab home: this lab's own signing keys in {@code keys/NAME.key} (private, owner-only) and
 * {@code keys/NAME.pub}, and the public keys it trusts in {@code trusted-keys/KEY_ID.pub}.
 */
public final class KeyRing {

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path own;
    private final Path trusted;

    /** The key ring of {@code milabHome}. */
    public KeyRing(Path milabHome) {
        this.own = milabHome.resolve("keys");
        this.trusted = milabHome.resolve("trusted-keys");
    }

    /** Generates a signing key {@code name}; its public half is trusted here too. */
    public Keys.SigningKey generate(String name) {
        if (!NAME.matcher(name).matches()) {
            throw ShareException.of("key name '" + name + "'", "use letters, digits, '.', '_' or '-'");
        }
        Path priv = own.resolve(name + ".key");
        if (Files.exists(priv)) {
            throw ShareException.of(priv, "a key of that name exists already; choose another name");
        }
        Keys.SigningKey key = Keys.generate(name);
        write(key, name, priv);
        trust(key.publicKey());
        return key;
    }

    /** Writes the public half, then the private half (readable by its owner only) by atomic rename. */
    private void write(Keys.SigningKey key, String name, Path priv) {
        try {
            Files.createDirectories(own);
            Path tmp = Files.createTempFile(own, "." + name, ".part");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on file systems without POSIX permissions
            }
            Files.writeString(tmp, key.privateText(), StandardCharsets.US_ASCII);
            AtomicFiles.writeString(own.resolve(name + ".pub"), key.publicKey().text());
            Files.move(tmp, priv, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw ShareException.of(priv, "cannot be written: " + e.getMessage());
        }
    }

    /** This lab's signing key {@code nameOrFile}: a key name under {@code keys/}, or a private key file. */
    public Keys.SigningKey signingKey(String nameOrFile) {
        Path file = Files.isRegularFile(Path.of(nameOrFile)) ? Path.of(nameOrFile) : own.resolve(nameOrFile + ".key");
        if (!Files.isRegularFile(file)) {
            throw ShareException.of("--key " + nameOrFile, "no such key file or key name in " + own
                    + " (create one with 'milab keys generate NAME')");
        }
        return Keys.parsePrivate(readText(file), file.toString());
    }

    /** The public half of own key {@code name}. */
    public Keys.NamedPublicKey ownPublic(String name) {
        Path file = own.resolve(name + ".pub");
        if (!Files.isRegularFile(file)) {
            throw ShareException.of("key '" + name + "'", "no such key in " + own);
        }
        return Keys.parsePublic(readText(file), file.toString());
    }

    /** Trusts a public key (idempotent); returns it. */
    public Keys.NamedPublicKey trust(Keys.NamedPublicKey key) {
        AtomicFiles.writeString(trusted.resolve(key.id() + ".pub"), key.text());
        return key;
    }

    /** Trusts the public key in {@code file}. */
    public Keys.NamedPublicKey trust(Path file) {
        if (!Files.isRegularFile(file)) {
            throw ShareException.of(file, "no such public key file");
        }
        return trust(Keys.parsePublic(readText(file), file.toString()));
    }

    /** The trusted key with this id. */
    public Optional<Keys.NamedPublicKey> trusted(String keyId) {
        if (!keyId.matches("[0-9a-f]{16}")) {
            return Optional.empty();
        }
        Path f = trusted.resolve(keyId + ".pub");
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        Keys.NamedPublicKey k = Keys.parsePublic(readText(f), f.toString());
        return k.id().equals(keyId) ? Optional.of(k) : Optional.empty();
    }

    /** Every trusted key. */
    public List<Keys.NamedPublicKey> trustedKeys() {
        return publicKeysIn(trusted);
    }

    /** This lab's own keys (their public halves). */
    public List<Keys.NamedPublicKey> ownKeys() {
        return publicKeysIn(own);
    }

    private static List<Keys.NamedPublicKey> publicKeysIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Keys.NamedPublicKey> keys = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".pub")).sorted().toList()) {
                keys.add(Keys.parsePublic(readText(f), f.toString()));
            }
        } catch (IOException e) {
            throw ShareException.of(dir, "cannot be read: " + e.getMessage());
        }
        return keys;
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw ShareException.of(file, "cannot be read: " + e.getMessage());
        }
    }
}
