package org.milab.platform.plugins;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the host knows about one plugin: where it came from, whether it loaded, and if not, why, in a sentence.
 *
 * @param id         plugin id (the file name when the descriptor could not be read)
 * @param version    plugin version; empty when unknown
 * @param path       the jar, zip or folder
 * @param sha256     SHA-256 of the jar or zip (of the folder's listing for a folder)
 * @param state      outcome
 * @param problem    why it did not load; empty when it did
 * @param extensions extensions it contributes (empty unless loaded)
 */
public record PluginStatus(String id, String version, Path path, String sha256, State state, String problem,
                           List<ExtensionHandle> extensions) {

    /** Outcome of loading a plugin. */
    public enum State {
        /** Loaded and started; its extensions are available. */
        LOADED,
        /** Refused: its {@code Plugin-Requires} does not accept this host's plugin API version. */
        REFUSED,
        /** Could not be read, resolved, started or instantiated. */
        FAILED
    }

    /** Copies the list. */
    public PluginStatus {
        extensions = List.copyOf(extensions);
    }

    /** The problem, when there is one. */
    public Optional<String> problemText() {
        return problem.isEmpty() ? Optional.empty() : Optional.of(problem);
    }
}
