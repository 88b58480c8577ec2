package org.milab.platform.plugins;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the host knows about one plugin: where it came from, whether it loaded, and if not, why, in a sentence.
 *
 * <p>The SHA-256 of the plugin's file is computed on first use of {@link #sha256()} (provenance, cache keys, the
 * run store) and then kept: a command that only estimates never reads the plugin's megabytes again (hashing the
 * estimators' 2.6 MB in a cold JVM took a quarter of a second of CPU, issue 16).
 */
public final class PluginStatus {

    /** Outcome of loading a plugin. */
    public enum State {
        /** Loaded and started; its extensions are available. */
        LOADED,
        /** Refused: its {@code Plugin-Requires} does not accept this host's plugin API version. */
        REFUSED,
        /** Could not be read, resolved, started or instantiated. */
        FAILED
    }

    private final String id;
    private final String version;
    private final Path path;
    private final Supplier<String> fingerprint;
    private final State state;
    private final String problem;
    private final List<ExtensionHandle> extensions;
    private volatile String sha256;

    /**
     * With a known SHA-256.
     *
     * @param id         plugin id (the file name when the descriptor could not be read)
     * @param version    plugin version; empty when unknown
     * @param path       the jar, zip or folder
     * @param sha256     SHA-256 of the jar or zip (of the folder's listing for a folder)
     * @param state      outcome
     * @param problem    why it did not load; empty when it did
     * @param extensions extensions it contributes (empty unless loaded)
     */
    public PluginStatus(String id, String version, Path path, String sha256, State state, String problem,
                        List<ExtensionHandle> extensions) {
        this(id, version, path, () -> sha256, state, problem, extensions);
        this.sha256 = sha256;
    }

    /** As the public constructor, with the SHA-256 computed by {@code fingerprint} when first asked for. */
    PluginStatus(String id, String version, Path path, Supplier<String> fingerprint, State state, String problem,
                 List<ExtensionHandle> extensions) {
        this.id = id;
        this.version = version;
        this.path = path;
        this.fingerprint = Objects.requireNonNull(fingerprint);
        this.state = state;
        this.problem = problem;
        this.extensions = List.copyOf(extensions);
    }

    /** Plugin id (the file name when the descriptor could not be read). */
    public String id() {
        return id;
    }

    /** Plugin version; empty when unknown. */
    public String version() {
        return version;
    }

    /** The jar, zip or folder. */
    public Path path() {
        return path;
    }

    /** SHA-256 of the jar or zip (of the folder's files for a folder), computed once, on first call. */
    public String sha256() {
        String s = sha256;
        if (s == null) {
            s = fingerprint.get();
            sha256 = s;
        }
        return s;
    }

    /** Outcome. */
    public State state() {
        return state;
    }

    /** Why it did not load; empty when it did. */
    public String problem() {
        return problem;
    }

    /** Extensions it contributes (empty unless loaded). */
    public List<ExtensionHandle> extensions() {
        return extensions;
    }

    /** The problem, when there is one. */
    public Optional<String> problemText() {
        return problem.isEmpty() ? Optional.empty() : Optional.of(problem);
    }

    /** Equal when every component is, the SHA-256 included (which computes it). */
    @Override
    public boolean equals(Object o) {
        return o instanceof PluginStatus p && id.equals(p.id) && version.equals(p.version) && path.equals(p.path)
                && state == p.state && problem.equals(p.problem) && extensions.equals(p.extensions)
                && sha256().equals(p.sha256());
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version, path, state, problem, extensions);
    }

    @Override
    public String toString() {
        return "PluginStatus[id=" + id + ", version=" + version + ", path=" + path + ", state=" + state
                + (problem.isEmpty() ? "" : ", problem=" + problem) + ", extensions=" + extensions.size() + "]";
    }
}
