package org.milab.platform.share;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code milab plugins pack}: turns a built plugin into a reproducible archive ({@link DeterministicZip}), so that
 * packing the same plugin twice, on any machine, gives the same SHA-256. Accepts a plugin jar, a plugin zip, an
 * unpacked plugin folder (with {@code plugin.properties}), or a Maven project folder after {@code mvn package}: its
 * {@code target/} plugin jar, with the libraries in {@code target/lib/} when there are any (then a zip).
 */
public final class PluginPacker {

    private static final String TEMP_PREFIX = "milab-pack-";

    private PluginPacker() {
    }

    /** A packed archive and its descriptor. */
    public record Packed(Path archive, PluginMetadata metadata, String sha256, long size) {
    }

    /** Packs {@code input} into {@code outDir/<id>-<version>.jar|zip}. */
    public static Packed pack(Path input, Path outDir) {
        Path source = builtPlugin(input);
        try {
            return pack(source, outDir, Files.isDirectory(source) || source.toString().endsWith(".zip"));
        } finally {
            if (source.getFileName().toString().startsWith(TEMP_PREFIX)) {
                AtomicFiles.deleteTree(source);
            }
        }
    }

    private static Packed pack(Path source, Path outDir, boolean isZip) {
        PluginMetadata meta = PluginMetadata.read(source);
        DeterministicZip zip = entries(source);
        Path target = outDir.resolve(meta.id() + "-" + meta.version() + (isZip ? ".zip" : ".jar"));
        write(zip, target, meta.id());
        return new Packed(target, meta, Sha256.of(target), size(target));
    }

    /** Writes {@code zip} to a temporary file beside {@code target}, then moves it into place at once. */
    private static void write(DeterministicZip zip, Path target, String id) {
        Path outDir = target.getParent();
        try {
            Files.createDirectories(outDir);
            Path tmp = Files.createTempFile(outDir, "." + id, ".part");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                zip.write(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw ShareException.of(target, "cannot be written: " + e.getMessage());
        }
    }

    /** The jar, zip or folder that {@code input} names, with a Maven project resolved to what it built. */
    static Path builtPlugin(Path input) {
        if (Files.isRegularFile(input)) {
            return input;
        }
        if (!Files.isDirectory(input)) {
            throw ShareException.of(input, "no such file or folder");
        }
        return builtFolder(input);
    }

    /** A plugin folder (with plugin.properties) itself, or what a Maven project built. */
    private static Path builtFolder(Path input) {
        if (Files.isRegularFile(input.resolve("plugin.properties"))) {
            return input;
        }
        if (Files.isRegularFile(input.resolve("pom.xml"))) {
            return builtProject(input);
        }
        throw ShareException.of(input, "neither a plugin jar or zip, nor a folder with plugin.properties, nor a "
                + "Maven project (pom.xml)");
    }

    /** The Maven project's plugin jar, or a plugin folder with it and its libraries when it has any. */
    private static Path builtProject(Path project) {
        Path jar = projectJar(project);
        Path lib = project.resolve("target/lib");
        return Files.isDirectory(lib) && !jars(lib).isEmpty() ? pluginFolder(jar, lib) : jar;
    }

    private static Path projectJar(Path project) {
        Path target = project.resolve("target");
        List<Path> candidates = Files.isDirectory(target) ? jars(target).stream()
                .filter(j -> !j.getFileName().toString().matches(".*-(tests|sources|javadoc)\\.jar"))
                .filter(PluginPacker::isPlugin).toList() : List.of();
        if (candidates.size() != 1) {
            throw ShareException.of(target, candidates.isEmpty()
                    ? "holds no plugin jar (a jar with Plugin-Id in its manifest); run 'mvn package' first"
                    : "holds several plugin jars " + candidates + "; pass the one to pack");
        }
        return candidates.get(0);
    }

    /** A temporary plugin folder: plugin.properties from the jar's manifest, the jar and its libraries in lib/. */
    private static Path pluginFolder(Path jar, Path lib) {
        PluginMetadata m = PluginMetadata.read(jar);
        try {
            Path dir = Files.createTempDirectory(TEMP_PREFIX);
            Files.createDirectories(dir.resolve("lib"));
            Files.copy(jar, dir.resolve("lib").resolve(jar.getFileName()));
            for (Path j : jars(lib)) {
                Files.copy(j, dir.resolve("lib").resolve(j.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(dir.resolve("plugin.properties"), pluginProperties(m), StandardCharsets.ISO_8859_1);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code plugin.properties} for the plugin {@code m} describes, keys sorted. */
    private static String pluginProperties(PluginMetadata m) {
        Properties p = new Properties();
        p.setProperty("plugin.id", m.id());
        p.setProperty("plugin.version", m.version());
        p.setProperty("plugin.requires", m.requires());
        p.setProperty("plugin.description", m.description());
        p.setProperty("plugin.provider", m.provider());
        p.setProperty("plugin.dependencies", String.join(", ", m.dependencies().stream()
                .map(d -> d.id() + (d.optional() ? "?" : "") + "@" + d.versions()).toList()));
        StringBuilder text = new StringBuilder();
        new TreeMap<>(p).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return text.toString();
    }

    private static DeterministicZip entries(Path source) {
        try {
            if (Files.isRegularFile(source)) {
                return DeterministicZip.of(Files.readAllBytes(source));
            }
            return folderEntries(source);
        } catch (IOException e) {
            throw ShareException.of(source, "cannot be read: " + e.getMessage());
        }
    }

    /** Every file below {@code folder}, by its relative path. */
    private static DeterministicZip folderEntries(Path folder) throws IOException {
        DeterministicZip zip = new DeterministicZip();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                zip.put(folder.relativize(f).toString(), Files.readAllBytes(f));
            }
        }
        return zip;
    }

    private static List<Path> jars(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jar") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isPlugin(Path jar) {
        try {
            PluginMetadata.read(jar);
            return true;
        } catch (ShareException e) {
            return false;
        }
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
