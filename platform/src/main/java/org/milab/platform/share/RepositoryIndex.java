package org.milab.platform.share;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pf4j.DefaultVersionManager;

/**
 * A lab repository's {@code index.json}: every plugin it offers, each with every published version, that version's
 * {@code Plugin-Requires} and plugin dependencies, its archive (path in the repository, SHA-256, size, signer) and
 * what it contains (extensions, citations). The index is signed as a whole ({@code index.json.sig}), so the
 * hashes in it are as trustworthy as the archives' own signatures.
 *
 * @param format  the index format version ({@value #FORMAT})
 * @param plugins the plugins, sorted by id
 */
public record RepositoryIndex(int format, List<IndexedPlugin> plugins) {

    /** The file name of the index in a repository. */
    public static final String FILE = "index.json";
    /** The format this milab writes and reads. */
    public static final int FORMAT = 1;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    private static final DefaultVersionManager VERSIONS = new DefaultVersionManager();

    /**
     * One plugin in the index.
     *
     * @param id          Plugin-Id
     * @param description Plugin-Description of its newest version
     * @param provider    Plugin-Provider of its newest version
     * @param versions    published versions, newest first
     */
    public record IndexedPlugin(String id, String description, String provider, List<PublishedVersion> versions) {
        /** Copies the list. */
        public IndexedPlugin {
            versions = versions == null ? List.of() : List.copyOf(versions);
        }
    }

    /**
     * One published version of a plugin.
     *
     * @param version      Plugin-Version
     * @param requires     Plugin-Requires
     * @param dependencies Plugin-Dependencies
     * @param file         the archive's path in the repository, e.g. {@code plugins/pearson/pearson-0.1.0.jar}
     * @param sha256       the archive's SHA-256 (hex)
     * @param size         the archive's size in bytes
     * @param signer       id of the key that signed the archive
     * @param extensions   its extensions
     * @param citations    the references its extensions cite
     */
    public record PublishedVersion(String version, String requires, List<PluginMetadata.Dependency> dependencies,
                                   String file, String sha256, long size, String signer,
                                   List<ExtensionSummary> extensions, List<String> citations) {
        /** Copies the lists. */
        public PublishedVersion {
            dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
            extensions = extensions == null ? List.of() : List.copyOf(extensions);
            citations = citations == null ? List.of() : List.copyOf(citations);
        }
    }

    /**
     * One extension of a published plugin.
     *
     * @param name    its name
     * @param roles   its roles (estimator, bound, ...)
     * @param summary its one-line summary
     */
    public record ExtensionSummary(String name, List<String> roles, String summary) {
    }

    /** Copies the list. */
    public RepositoryIndex {
        plugins = plugins == null ? List.of() : List.copyOf(plugins);
    }

    /** An empty index. */
    public static RepositoryIndex empty() {
        return new RepositoryIndex(FORMAT, List.of());
    }

    /** Parses and checks an index; {@code where} names it in errors. */
    public static RepositoryIndex parse(byte[] json, String where) {
        RepositoryIndex index;
        try {
            index = GSON.fromJson(new String(json, StandardCharsets.UTF_8), RepositoryIndex.class);
        } catch (JsonParseException e) {
            throw ShareException.of(where, "not a valid repository index (" + e.getMessage() + ")");
        }
        if (index == null) {
            throw ShareException.of(where, "is empty");
        }
        index.check(where);
        return index;
    }

    /** The JSON text, deterministic for equal indexes. */
    public byte[] toJson() {
        return (GSON.toJson(this) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The plugin with this id. */
    public Optional<IndexedPlugin> plugin(String id) {
        return plugins.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** A copy with {@code version} of plugin {@code meta} added (newest first), replacing the plugin's texts. */
    public RepositoryIndex with(PluginMetadata meta, PublishedVersion version) {
        List<IndexedPlugin> out = new ArrayList<>();
        List<PublishedVersion> versions = new ArrayList<>(List.of(version));
        for (IndexedPlugin p : plugins) {
            if (p.id().equals(meta.id())) {
                p.versions().stream().filter(v -> !v.version().equals(version.version())).forEach(versions::add);
            } else {
                out.add(p);
            }
        }
        versions.sort(newestFirst());
        out.add(updated(meta, versions, versions.get(0) == version));
        out.sort(Comparator.comparing(IndexedPlugin::id));
        return new RepositoryIndex(FORMAT, out);
    }

    /** The plugin with {@code versions}; its texts from {@code meta} when that is its newest version (or new). */
    private IndexedPlugin updated(PluginMetadata meta, List<PublishedVersion> versions, boolean newest) {
        IndexedPlugin old = plugin(meta.id()).orElse(null);
        return new IndexedPlugin(meta.id(), newest || old == null ? meta.description() : old.description(),
                newest || old == null ? meta.provider() : old.provider(), versions);
    }

    /** Orders versions newest first, by PF4J's (semantic) version order. */
    public static Comparator<PublishedVersion> newestFirst() {
        return (a, b) -> VERSIONS.compareVersions(b.version(), a.version());
    }

    private void check(String where) {
        checkFormat(where);
        Set<String> ids = new HashSet<>();
        for (IndexedPlugin p : plugins) {
            if (p.id() == null || p.id().isBlank()) {
                throw ShareException.of(where, "a plugin has no id");
            }
            if (!ids.add(p.id())) {
                throw ShareException.of(where, "plugin '" + p.id() + "' is listed twice; two plugins with one id "
                        + "cannot be told apart");
            }
            checkVersions(where, p);
        }
    }

    private void checkFormat(String where) {
        if (format != FORMAT) {
            throw ShareException.of(where, "index format " + format + " is not the format " + FORMAT
                    + " this milab reads");
        }
    }

    /** Each of the plugin's versions is listed once and is valid. */
    private static void checkVersions(String where, IndexedPlugin p) {
        Set<String> versions = new HashSet<>();
        for (PublishedVersion v : p.versions()) {
            String what = "plugin " + p.id() + " " + v.version();
            if (v.version() == null || !versions.add(v.version())) {
                throw ShareException.of(where, what + " is listed twice (or has no version)");
            }
            checkVersion(where, what, v);
        }
    }

    private static void checkVersion(String where, String what, PublishedVersion v) {
        if (v.sha256() == null || !v.sha256().matches("[0-9a-f]{64}")) {
            throw ShareException.of(where, what + " has no valid sha256");
        }
        if (v.size() <= 0) {
            throw ShareException.of(where, what + " has no valid size");
        }
        if (v.file() == null || !RepositoryPaths.isSafe(v.file())) {
            throw ShareException.of(where, what + " names file '" + v.file() + "', which is not a plain relative "
                    + "path inside the repository");
        }
    }
}
