package org.milab.platform.share;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The plugins present in a list of plugin folders, read from their descriptors without loading them: what the
 * resolver counts as installed, and where a second plugin with an id already present would collide.
 */
public final class InstalledPlugins {

    /** One plugin file and its descriptor. */
    public record Present(PluginMetadata metadata, Path path) {
    }

    private final List<Present> present;

    private InstalledPlugins(List<Present> present) {
        this.present = List.copyOf(present);
    }

    /** Scans {@code folders} (missing ones are skipped; unreadable plugins are left to the host to report). */
    public static InstalledPlugins scan(List<Path> folders) {
        List<Present> found = new ArrayList<>();
        for (Path folder : folders.stream().filter(Files::isDirectory).map(p -> p.toAbsolutePath().normalize())
                .distinct().toList()) {
            try (Stream<Path> s = Files.list(folder)) {
                for (Path p : s.sorted().toList()) {
                    plugin(p).ifPresent(m -> found.add(new Present(m, p)));
                }
            } catch (IOException e) {
                throw ShareException.of(folder, "cannot be read: " + e.getMessage());
            }
        }
        return new InstalledPlugins(found);
    }

    /** Every plugin found. */
    public List<Present> all() {
        return present;
    }

    /** The plugins with id {@code id}. */
    public List<Present> withId(String id) {
        return present.stream().filter(p -> p.metadata().id().equals(id)).toList();
    }

    /** Versions by id (the first found wins, as in the host). */
    public Map<String, String> versions() {
        Map<String, String> m = new LinkedHashMap<>();
        present.forEach(p -> m.putIfAbsent(p.metadata().id(), p.metadata().version()));
        return m;
    }

    private static Optional<PluginMetadata> plugin(Path p) {
        if (!candidate(p)) {
            return Optional.empty();
        }
        try {
            return Optional.of(PluginMetadata.read(p));
        } catch (RuntimeException e) {  // unreadable plugins are the host's to report
            return Optional.empty();
        }
    }

    /** A jar, a zip, or a plugin folder that is not what PF4J unpacked from a zip beside it; no hidden files. */
    private static boolean candidate(Path p) {
        String name = p.getFileName().toString();
        if (name.startsWith(".")) {
            return false;
        }
        boolean archive = Files.isRegularFile(p) && (name.endsWith(".jar") || name.endsWith(".zip"));
        boolean unpackedZip = Files.isDirectory(p) && Files.isRegularFile(p.resolveSibling(name + ".zip"));
        return archive || (Files.isDirectory(p) && !unpackedZip);
    }
}
