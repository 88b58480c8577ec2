package org.milab.platform.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.milab.platform.graph.PlannedNode;

/**
 * A content-addressed cache of node results ({@code $MILAB_HOME/cache/nodes/<aa>/<key>/}), keyed by
 * {@link CacheKeys}. An entry holds the node's JSON outcome ({@code node.json}) and a copy of every file the node
 * wrote in its folder ({@code files/}: metrics, artifacts, figures), restored into the new run's node folder on a
 * hit.
 *
 * <p>Cacheable: nodes whose outputs are all estimates or analysis results (they come back as the same objects,
 * see {@link OutcomeCodec}). Datasets, samples and training results are recomputed: they are objects other nodes
 * consume (samples, DJL models) that JSON cannot give back. Entries are written to a temporary folder and moved
 * into place atomically, so concurrent runs never see half an entry; the first writer of a key wins.
 */
public final class NodeCache {

    private static final String NODE_JSON = "node.json";
    private static final String FILES = "files";
    private final Path root;

    /** A cache in {@code root} (created on first store). */
    public NodeCache(Path root) {
        this.root = root;
    }

    /** The cached outcome of {@code node} under {@code key}, its files copied into {@code nodeFolder}. */
    public Optional<NodeOutcome> lookup(String key, PlannedNode node, Path nodeFolder) {
        Path entry = entry(key);
        Path json = entry.resolve(NODE_JSON);
        if (!Files.isRegularFile(json)) {
            return Optional.empty();
        }
        try {
            return Optional.of(restore(entry, node, nodeFolder));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The entry's outcome, its files copied into {@code nodeFolder} and its paths moved there. */
    private static NodeOutcome restore(Path entry, PlannedNode node, Path nodeFolder) throws IOException {
        Map<?, ?> recorded = (Map<?, ?>) Json.parseExact(Files.readString(entry.resolve(NODE_JSON),
                StandardCharsets.UTF_8));
        Path original = Path.of(String.valueOf(recorded.get("folder")));
        copyTree(entry.resolve(FILES), nodeFolder);
        return OutcomeCodec.restore(node, recorded, p -> p.startsWith(original)
                ? nodeFolder.resolve(original.relativize(p)) : p, true);
    }

    /**
     * Stores {@code outcome} under {@code key} when it is cacheable, with a copy of {@code nodeFolder}. The cache is
     * best effort: a cache that cannot be written (full disk, read-only home) never fails the run.
     *
     * @return whether the cache now holds the key
     */
    public boolean store(String key, NodeOutcome outcome, Path nodeFolder) {
        Path entry = entry(key);
        if (!OutcomeCodec.restorable(outcome) || Files.isDirectory(entry)) {
            return Files.isDirectory(entry);
        }
        try {
            writeEntry(entry, outcome, nodeFolder);
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** Writes the entry in a temporary folder beside it, then renames that into place (unless a racer was first). */
    private static void writeEntry(Path entry, NodeOutcome outcome, Path nodeFolder) throws IOException {
        Files.createDirectories(entry.getParent());
        Path tmp = Files.createTempDirectory(entry.getParent(), ".tmp-");
        Map<String, Object> json = entryJson(outcome, nodeFolder);
        copyTree(nodeFolder, tmp.resolve(FILES));
        Files.writeString(tmp.resolve(NODE_JSON), Json.pretty(json), StandardCharsets.UTF_8);
        try {
            Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
            deleteTree(tmp);
        }
    }

    /** The outcome as {@code node.json} records it: its folder, and analysis figures with absolute paths. */
    private static Map<String, Object> entryJson(NodeOutcome outcome, Path nodeFolder) {
        Map<String, Object> json = new LinkedHashMap<>(ResultsWriter.node(outcome));
        json.put("folder", nodeFolder.toAbsolutePath().toString());
        json.remove("cached");
        json.put("outputs", absoluteFigures((Map<?, ?>) json.get("outputs")));
        return json;
    }

    /** The outputs with every analysis figure path made absolute, so a later run can map it into its folder. */
    private static Map<Object, Object> absoluteFigures(Map<?, ?> outputs) {
        Map<Object, Object> out = new LinkedHashMap<>();
        outputs.forEach((port, v) -> {
            if (v instanceof Map<?, ?> m && m.get("figures") instanceof java.util.List<?> figures) {
                Map<Object, Object> copy = new LinkedHashMap<>(m);
                copy.put("figures", figures.stream().map(f -> Path.of(String.valueOf(f)).toAbsolutePath().toString())
                        .toList());
                out.put(port, copy);
            } else {
                out.put(port, v);
            }
        });
        return out;
    }

    private Path entry(String key) {
        return root.resolve(key.substring(0, 2)).resolve(key);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(f);
            }
        }
    }
}
