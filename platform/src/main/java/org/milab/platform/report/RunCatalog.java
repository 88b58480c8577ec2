package org.milab.platform.report;

import java.util.List;
import java.util.Optional;

/**
 * The runs a report or the UI can show. {@link FolderRunCatalog} scans run folders; a run store (an index of the
 * same folders) can implement this interface to make listing and filtering fast without changing the UI.
 */
public interface RunCatalog {

    /** The runs that pass {@code filter}, newest first. */
    List<RunEntry> list(RunFilter filter);

    /** The run with this id (or {@code experiment/id}), when there is one. */
    Optional<RunEntry> get(String id);

    /** The full content of a listed run, for its page. */
    default RunData read(RunEntry entry) {
        return RunData.read(entry.folder());
    }
}
