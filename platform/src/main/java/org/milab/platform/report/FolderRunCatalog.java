package org.milab.platform.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A {@link RunCatalog} that scans a runs folder laid out by {@code milab run}: {@code <runs>/<experiment>/<id>/},
 * a run folder being one with a {@code graph.yaml}. Each call lists the folders afresh and reads those of running
 * runs again, so they show their latest state; finished runs are read once. Listing still costs one directory walk
 * per call, which grows with the number of runs (a run store avoids that).
 */
public final class FolderRunCatalog implements RunCatalog {

    private final Path runsDir;
    /** Entries of finished runs (their files no longer change); running ones are read afresh every time. */
    private final Map<Path, RunEntry> finished = new java.util.concurrent.ConcurrentHashMap<>();

    /** A catalog of the runs under {@code runsDir}. */
    public FolderRunCatalog(Path runsDir) {
        this.runsDir = runsDir;
    }

    /** The runs folder. */
    public Path runsDir() {
        return runsDir;
    }

    @Override
    public List<RunEntry> list(RunFilter filter) {
        List<RunEntry> out = new ArrayList<>();
        for (Path folder : folders()) {
            RunEntry e = cached(folder);
            if (filter.test(e)) {
                out.add(e);
            }
        }
        out.sort(Comparator.comparing(RunEntry::id).reversed());
        return out;
    }

    @Override
    public Optional<RunEntry> get(String id) {
        if (id.contains("..") || id.startsWith("/") || id.contains("\\")) {
            return Optional.empty();
        }
        if (id.contains("/")) {
            Path f = runsDir.resolve(id);
            return Files.isRegularFile(f.resolve("graph.yaml")) ? Optional.of(cached(f)) : Optional.empty();
        }
        return folders().stream().filter(f -> f.getFileName().toString().equals(id)).findFirst().map(this::cached);
    }

    private List<Path> folders() {
        if (!Files.isDirectory(runsDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.find(runsDir, 2, (p, a) -> a.isDirectory() && runsDir.relativize(p)
                .getNameCount() == 2 && Files.isRegularFile(p.resolve("graph.yaml")))) {
            return s.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list runs in " + runsDir, e);
        }
    }

    private RunEntry cached(Path folder) {
        RunEntry known = finished.get(folder);
        if (known != null) {
            return known;
        }
        RunEntry e = entry(folder);
        if (RunStatus.isSettled(e.status())) {
            finished.put(folder, e);
        }
        return e;
    }

    /** The listing entry of one run folder. */
    public static RunEntry entry(Path folder) {
        Map<String, Object> graph = RunData.yaml(folder.resolve("graph.yaml"));
        Map<String, Object> prov = RunData.json(folder.resolve("provenance.json"));
        Map<String, Object> progress = RunData.json(folder.resolve("progress.json"));
        String experiment = String.valueOf(graph.getOrDefault("experiment", folder.getParent().getFileName()));
        Object start = prov.getOrDefault("start", progress.getOrDefault("start", ""));
        return new RunEntry(folder.getFileName().toString(), experiment, folder,
                RunStatus.of(prov, progress, Instant.now()), String.valueOf(start), parameters(graph));
    }

    /** {@code node.param -> value} for every node parameter; swept keys as their list of values. */
    static Map<String, String> parameters(Map<String, Object> graph) {
        Map<String, String> out = new LinkedHashMap<>();
        RunData.map(graph.get("nodes")).forEach((id, spec) -> RunData.map(RunData.map(spec).get("with"))
                .forEach((k, v) -> out.put(id + "." + k, String.valueOf(v))));
        out.put("seed", String.valueOf(graph.get("seed")));
        RunData.map(graph.get("sweep")).forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }
}
