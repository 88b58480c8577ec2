package org.milab.platform.share;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Writes a zip or jar whose bytes depend on its entries' names and contents only: entries sorted by name (the
 * manifest first, where {@link java.util.jar.JarInputStream} looks for it), one fixed timestamp, no directory
 * entries, no extra fields, default compression; nested jars are normalised the same way (unless signed, since
 * that would break their signatures), and manifest attributes that name the build machine are dropped.
 */
final class DeterministicZip {

    /** The timestamp of every entry: local time, so the bytes do not depend on the packer's time zone. */
    static final LocalDateTime TIMESTAMP = LocalDateTime.of(2000, 1, 1, 0, 0);

    private static final String[] MACHINE_ATTRIBUTES = {"Built-By", "Build-Jdk", "Build-Jdk-Spec", "Created-By"};

    private final Map<String, byte[]> entries = new TreeMap<>(Comparator.comparing(DeterministicZip::sortKey));

    /** Adds (or replaces) one entry; nested jars and the manifest are normalised. */
    DeterministicZip put(String name, byte[] content) {
        String n = name.replace('\\', '/');
        if (n.endsWith("/")) {
            return this;
        }
        byte[] bytes = content;
        if (n.equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
            bytes = normalisedManifest(content);
        } else if (n.endsWith(".jar") && !isSigned(content)) {
            bytes = of(content).toBytes();
        }
        entries.put(n, bytes);
        return this;
    }

    /** The entries of an existing zip or jar. */
    static DeterministicZip of(byte[] zip) {
        DeterministicZip z = new DeterministicZip();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.isDirectory()) {
                    z.put(e.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return z;
    }

    /** The archive's bytes. */
    byte[] toBytes() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        write(buffer);
        return buffer.toByteArray();
    }

    /** Writes the archive. */
    void write(OutputStream target) {
        try (ZipOutputStream out = new ZipOutputStream(target)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTimeLocal(TIMESTAMP);
                out.putNextEntry(entry);
                out.write(e.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The manifest first, then everything by name. */
    private static String sortKey(String name) {
        return (name.equalsIgnoreCase(JarFile.MANIFEST_NAME) ? "0" : "1") + name;
    }

    private static byte[] normalisedManifest(byte[] content) {
        try {
            Manifest mf = new Manifest(new ByteArrayInputStream(content));
            Attributes main = mf.getMainAttributes();
            for (String a : MACHINE_ATTRIBUTES) {
                main.remove(new Attributes.Name(a));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            sorted(mf).write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifest with its version first, then its main attributes and its entries, each sorted by name. */
    private static Manifest sorted(Manifest mf) {
        Attributes main = mf.getMainAttributes();
        Manifest sorted = new Manifest();
        sorted.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION,
                main.getOrDefault(Attributes.Name.MANIFEST_VERSION, "1.0"));
        new TreeMap<>(toStrings(main)).forEach((k, v) -> sorted.getMainAttributes().putValue(k, v));
        new TreeMap<>(mf.getEntries()).forEach((k, v) -> sorted.getEntries().put(k, v));
        return sorted;
    }

    private static Map<String, String> toStrings(Attributes attributes) {
        Map<String, String> m = new TreeMap<>();
        attributes.forEach((k, v) -> {
            if (!k.equals(Attributes.Name.MANIFEST_VERSION)) {
                m.put(k.toString(), String.valueOf(v));
            }
        });
        return m;
    }

    private static boolean isSigned(byte[] jar) {
        try (InputStream raw = new ByteArrayInputStream(jar); ZipInputStream in = new ZipInputStream(raw)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String n = e.getName().toUpperCase(java.util.Locale.ROOT);
                if (n.startsWith("META-INF/") && (n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".EC")
                        || n.endsWith(".DSA"))) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
