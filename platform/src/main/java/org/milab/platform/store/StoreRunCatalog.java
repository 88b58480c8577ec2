package org.milab.platform.store;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.milab.platform.report.FolderRunCatalog;
import org.milab.platform.report.RunCatalog;
import org.milab.platform.report.RunEntry;
import org.milab.platform.report.RunFilter;
import org.milab.platform.report.RunStatus;

/**
 * A {@link RunCatalog} over the run store: every run the store has indexed, from whichever runs folder it was
 * recorded in, newest first. The store says which runs exist (no directory walk); each entry is read from its run
 * folder, the source of truth, so a running run shows its live status. Runs whose folder was deleted are left out.
 * The store is opened per call, so the UI never holds its lock.
 */
public final class StoreRunCatalog implements RunCatalog {

    private final String location;
    private final Map<String, RunEntry> finished = new ConcurrentHashMap<>();

    /** A catalog over the store at {@code location} (a JDBC URL or a file, as {@link RunStore#open} takes). */
    public StoreRunCatalog(String location) {
        this.location = location;
    }

    @Override
    public List<RunEntry> list(RunFilter filter) {
        List<RunEntry> out = new ArrayList<>();
        try (RunStore store = RunStore.open(location)) {
            for (StoredRun run : store.list(org.milab.platform.store.RunFilter.all())) {
                entry(run).filter(filter::test).ifPresent(out::add);
            }
        }
        out.sort(java.util.Comparator.comparing(RunEntry::id).reversed());
        return out;
    }

    @Override
    public Optional<RunEntry> get(String id) {
        String name = id.contains("/") ? id.substring(id.lastIndexOf('/') + 1) : id;
        try (RunStore store = RunStore.open(location)) {
            return store.get(name).flatMap(d -> entry(d.run()));
        }
    }

    private Optional<RunEntry> entry(StoredRun run) {
        RunEntry known = finished.get(run.id());
        if (known != null) {
            return Optional.of(known);
        }
        if (!Files.isRegularFile(run.folder().resolve("graph.yaml"))) {
            return Optional.empty();
        }
        RunEntry e = FolderRunCatalog.entry(run.folder());
        if (RunStatus.isSettled(e.status())) {
            finished.put(run.id(), e);
        }
        return Optional.of(e);
    }
}
