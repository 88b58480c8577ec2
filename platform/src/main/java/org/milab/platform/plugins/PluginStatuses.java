package org.milab.platform.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.pf4j.PluginWrapper;

/** Builds {@link PluginStatus} values: fingerprints plugin files and turns exceptions into sentences. */
final class PluginStatuses {

    private PluginStatuses() {
    }

    static PluginStatus of(PluginWrapper plugin, PluginStatus.State state, String problem,
                           List<ExtensionHandle> extensions) {
        Path path = archiveOf(plugin.getPluginPath());
        return new PluginStatus(plugin.getPluginId(), plugin.getDescriptor().getVersion(), path, () -> sha256(path),
                state, problem, extensions);
    }

    static PluginStatus unreadable(Path path, Throwable error) {
        String name = path.getFileName().toString();
        return new PluginStatus(name, "", path, () -> sha256(path), PluginStatus.State.FAILED,
                "it could not be read: " + rootMessage(error), List.of());
    }

    /** The innermost message of a chain, with its type when the message alone would not say what happened. */
    static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = t.getMessage() == null || t.getMessage().isBlank() ? "" : t.getMessage();
        if (msg.startsWith("No PluginDescriptorFinder")) {
            return "no plugin descriptor found: a plugin jar needs Plugin-Id, Plugin-Version and Plugin-Requires in "
                    + "META-INF/MANIFEST.MF, a plugin zip a plugin.properties; is it a valid, complete jar?";
        }
        if (t instanceof java.util.zip.ZipException || t instanceof java.io.EOFException) {
            return "not a valid jar or zip (" + (msg.isEmpty() ? t.getClass().getSimpleName() : msg) + ")";
        }
        return msg.isEmpty() ? t.getClass().getSimpleName() : msg;
    }

    /** PF4J unpacks {@code x.zip} into the folder {@code x}; provenance names the archive that was shipped. */
    private static Path archiveOf(Path loaded) {
        Path zip = loaded.resolveSibling(loaded.getFileName() + ".zip");
        return Files.isDirectory(loaded) && Files.isRegularFile(zip) ? zip : loaded;
    }

    /** SHA-256 of a file, or of the contents of a folder's files in path order. */
    static String sha256(Path path) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            List<Path> files;
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
            } else if (Files.isRegularFile(path)) {
                files = List.of(path);
            } else {
                return "";
            }
            byte[] buffer = new byte[1 << 16];
            for (Path f : files) {
                try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
                    while (in.read(buffer) >= 0) {
                        // digesting
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
