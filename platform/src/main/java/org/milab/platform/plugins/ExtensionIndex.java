package org.milab.platform.plugins;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which plugin of a plugins folder holds which extensions, cached in the folder as {@value #FILE} so that a command
 * that names one extension ({@code milab estimate ksg ...}) loads and starts only the plugins holding that name
 * (and their dependencies) instead of every plugin.
 *
 * <p>The host writes the index after starting every plugin of a folder, from what actually loaded. Its first line
 * is a stamp of the folder's plugin files (names, sizes, modification times; folders that PF4J expanded from a zip
 * beside them are left out); an index whose stamp no longer matches, like a missing or unreadable one, is ignored
 * and the host starts everything, so a stale index can cost time but never change a result. One line per plugin:
 * file name, id, dependencies, and its extensions as {@code name=class}, tab-separated. The class names let the host
 * create only the extension a command names (issue 16); an index of the earlier format, without them, reads as
 * stale and is rewritten.
 */
final class ExtensionIndex {

    /** The index file's name inside a plugins folder. */
    static final String FILE = ".milab-extensions.idx";

    /**
     * One indexed plugin: where it lies, its id, the ids it depends on, and its extensions' class names by
     * extension name.
     */
    record Entry(Path path, String id, List<String> dependencies, Map<String, String> extensions) {

        /** Copies, sorting the extensions by name. */
        Entry {
            dependencies = List.copyOf(dependencies);
            extensions = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(extensions));
        }
    }

    private ExtensionIndex() {
    }

    /** The valid index of {@code folder}, or empty when it is missing, unreadable or stale. */
    static Optional<List<Entry>> read(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals("stamp\t" + stamp(folder))) {
                return Optional.empty();
            }
            List<Entry> entries = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                if (f.length != 4) {
                    return Optional.empty();
                }
                entries.add(new Entry(folder.resolve(f[0]), f[1], split(f[2]), classesByName(split(f[3]))));
            }
            return Optional.of(entries);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Writes the index of {@code folder} unless a valid one is there; a folder that cannot be written is skipped. */
    static void writeIfStale(Path folder, List<Entry> entries) {
        if (read(folder).isPresent()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        try {
            sb.append("stamp\t").append(stamp(folder)).append('\n');
            for (Entry e : entries) {
                sb.append(e.path().getFileName()).append('\t').append(e.id()).append('\t')
                        .append(String.join(",", e.dependencies())).append('\t')
                        .append(joinClasses(e.extensions())).append('\n');
            }
            Path tmp = folder.resolve(FILE + "." + ProcessHandle.current().pid() + ".tmp");
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, folder.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, folder.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // a read-only or vanished folder: the host simply starts every plugin next time
        }
    }

    /**
     * The paths to load, dependencies first, for the plugins of {@code entries} that hold an extension called
     * {@code name} (bare, or {@code plugin-id/name}); empty when none does or a dependency is not indexed.
     */
    static Optional<List<Path>> pluginsHolding(List<Entry> entries, String name) {
        Map<String, Entry> byId = new LinkedHashMap<>();
        entries.forEach(e -> byId.putIfAbsent(e.id(), e));
        List<Path> order = new ArrayList<>();
        for (Entry e : entries) {
            if (classOf(e, name).isPresent() && !withDependencies(e, byId, order)) {
                return Optional.empty();
            }
        }
        return order.isEmpty() ? Optional.empty() : Optional.of(order);
    }

    /**
     * The class names of the extensions called {@code name} (bare, or {@code plugin-id/name}), by the id of the
     * plugin that holds them.
     */
    static Map<String, Set<String>> classesNamed(List<Entry> entries, String name) {
        Map<String, Set<String>> classes = new LinkedHashMap<>();
        for (Entry e : entries) {
            classOf(e, name).ifPresent(c -> classes.computeIfAbsent(e.id(), id -> new java.util.LinkedHashSet<>())
                    .add(c));
        }
        return classes;
    }

    /** The class of {@code e}'s extension called {@code name} (bare, or {@code plugin-id/name} naming e's id). */
    private static Optional<String> classOf(Entry e, String name) {
        int slash = name.indexOf('/');
        if (slash >= 0 && !name.substring(0, slash).equals(e.id())) {
            return Optional.empty();
        }
        return Optional.ofNullable(e.extensions().get(name.substring(slash + 1)));
    }

    private static boolean withDependencies(Entry e, Map<String, Entry> byId, List<Path> order) {
        if (order.contains(e.path())) {
            return true;
        }
        for (String dep : e.dependencies()) {
            Entry d = byId.get(dep);
            if (d == null || d == e || !withDependencies(d, byId, order)) {
                return false;
            }
        }
        order.add(e.path());
        return true;
    }

    /**
     * The folder's plugin files, each as name:size:mtime, sorted; a folder with a zip of the same name beside it is
     * PF4J's expansion of that zip and is left out (PF4J rewrites it).
     */
    static String stamp(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !(Files.isDirectory(p) && Files.exists(p.resolveSibling(p.getFileName() + ".zip"))))
                    .map(ExtensionIndex::describe).sorted().reduce((a, b) -> a + "|" + b).orElse("");
        }
    }

    private static String describe(Path p) {
        try {
            return p.getFileName() + ":" + (Files.isDirectory(p) ? 0 : Files.size(p)) + ":"
                    + Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code name=class} pairs as a map; a pair without its class is an error (an index of the older format). */
    private static Map<String, String> classesByName(List<String> pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("no class for extension '" + pair + "'");
            }
            m.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return m;
    }

    private static String joinClasses(Map<String, String> classes) {
        StringBuilder sb = new StringBuilder();
        classes.forEach((name, c) -> sb.append(sb.length() == 0 ? "" : ",").append(name).append('=').append(c));
        return sb.toString();
    }

    private static List<String> split(String field) {
        return field.isEmpty() ? List.of() : Arrays.asList(field.split(","));
    }
}
