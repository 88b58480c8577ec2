package org.milab.platform.share;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.milab.platform.plugins.PluginStatus;

/**
 * The plugins a recorded run used (from its {@code provenance.json}: id, version, SHA-256 of the jar or zip), checked
 * against the plugins installed now, and installed at exactly the recorded versions when asked to.
 */
public final class RecordedPlugins {

    /** One plugin the run used. */
    public record Used(String id, String version, String sha256) {
        /** {@code id version}. */
        public String label() {
            return id + " " + version;
        }
    }

    private final List<Used> used;

    private RecordedPlugins(List<Used> used) {
        this.used = List.copyOf(used);
    }

    /** The plugins whose extensions the run used, from its provenance. */
    public static RecordedPlugins of(Map<?, ?> provenance) {
        Set<Object> usedIds = usedIds(provenance);
        Map<String, Used> out = new LinkedHashMap<>();
        if (provenance.get("plugins") instanceof List<?> plugins) {
            for (Object o : plugins) {
                if (o instanceof Map<?, ?> p && usedIds.contains(p.get("id"))) {
                    String id = String.valueOf(p.get("id"));
                    out.put(id, new Used(id, String.valueOf(p.get("version")), String.valueOf(p.get("sha256"))));
                }
            }
        }
        return new RecordedPlugins(new ArrayList<>(out.values()));
    }

    /** The ids of the plugins whose extensions the run used. */
    private static Set<Object> usedIds(Map<?, ?> provenance) {
        Set<Object> usedIds = new HashSet<>();
        if (provenance.get("extensionsUsed") instanceof Map<?, ?> u) {
            u.values().forEach(v -> usedIds.add(v instanceof Map<?, ?> m ? m.get("plugin") : null));
        }
        return usedIds;
    }

    /** The plugins used. */
    public List<Used> used() {
        return used;
    }

    /** One sentence per used plugin: whether the installed file is the one the run recorded. */
    public List<String> report(List<PluginStatus> loaded) {
        List<String> lines = new ArrayList<>();
        for (Used u : used) {
            lines.add(report(u, loaded.stream().filter(p -> p.id().equals(u.id())).findFirst()));
        }
        return lines;
    }

    private static String report(Used u, Optional<PluginStatus> now) {
        if (now.isEmpty()) {
            return "plugin " + u.label() + ": MISSING: the run used it and it is not installed (re-run with "
                    + "--install-missing --repo URL-or-DIR to install that version)";
        }
        if (now.get().sha256().equals(u.sha256())) {
            return "plugin " + u.label() + ": the installed file is the one the run recorded (sha256 "
                    + abbrev(u.sha256()) + ")";
        }
        return "plugin " + u.label() + ": DIFFERS: the run recorded sha256 " + abbrev(u.sha256())
                + ", installed is " + now.get().version() + " with sha256 " + abbrev(now.get().sha256())
                + " (" + now.get().path() + ")";
    }

    /**
     * Installs, at exactly the recorded version, every used plugin that is missing or whose file differs; refuses a
     * repository archive whose SHA-256 is not the recorded one, before anything is installed.
     */
    public List<Installer.Outcome> installMissing(Installer installer, List<Path> folders, RepositorySource source,
                                                  KeyRing trusted) {
        List<Used> todo = used.stream().filter(u -> !presentWithHash(u, folders)).toList();
        if (todo.isEmpty()) {
            return List.of();
        }
        RepositoryIndex index = SignedIndex.fetch(source, trusted);
        todo.forEach(u -> requireSameBuild(u, index, source));
        List<Installer.Outcome> out = new ArrayList<>();
        for (Used u : todo) {
            out.addAll(installer.install(source, u.id(), Optional.of(u.version())));
        }
        return out;
    }

    /** The repository offers the recorded version of {@code u}, with the recorded hash. */
    private static void requireSameBuild(Used u, RepositoryIndex index, RepositorySource source) {
        RepositoryIndex.PublishedVersion v = index.plugin(u.id()).flatMap(p -> p.versions().stream()
                .filter(x -> x.version().equals(u.version())).findFirst()).orElseThrow(() -> ShareException.of(
                "plugin " + u.label(), "the run used it, but " + source.location() + " does not offer this version"));
        if (!v.sha256().equals(u.sha256())) {
            throw ShareException.of("plugin " + u.label(), source.location() + " offers sha256 "
                    + abbrev(v.sha256()) + ", but the run used sha256 " + abbrev(u.sha256())
                    + ": not the same build; nothing was installed");
        }
    }

    private static boolean presentWithHash(Used u, List<Path> folders) {
        return InstalledPlugins.scan(folders).withId(u.id()).stream()
                .anyMatch(p -> Files.isRegularFile(p.path()) && Sha256.of(p.path()).equals(u.sha256()));
    }

    private static String abbrev(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }
}
