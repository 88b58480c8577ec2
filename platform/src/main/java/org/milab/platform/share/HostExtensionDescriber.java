package org.milab.platform.share;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.milab.platform.MilabVersion;
import org.milab.platform.plugins.ExtensionHandle;
import org.milab.platform.plugins.PluginHost;
import org.milab.platform.plugins.PluginStatus;
import org.milab.platform.plugins.Role;
import org.milab.platform.run.Provenance;

/**
 * Describes a plugin by loading it in a plugin host, beside the plugins it may depend on, exactly as a lab that
 * installs it will: so only a plugin that loads can be published, and the index lists what the host really sees.
 */
public final class HostExtensionDescriber implements ExtensionDescriber {

    private final List<Path> dependencyFolders;

    /** @param dependencyFolders plugin folders holding the plugins a published plugin may depend on */
    public HostExtensionDescriber(List<Path> dependencyFolders) {
        this.dependencyFolders = List.copyOf(dependencyFolders);
    }

    @Override
    public Contents describe(Path archive, PluginMetadata metadata) {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("milab-describe");
            return describeIn(tmp, archive, metadata);
        } catch (IOException e) {
            throw ShareException.of(archive, "cannot be read: " + e.getMessage());
        } finally {
            if (tmp != null) {
                AtomicFiles.deleteTree(tmp);
            }
        }
    }

    /** Copies the archive into {@code tmp} and loads it there, with the plugins it may depend on. */
    private Contents describeIn(Path tmp, Path archive, PluginMetadata metadata) throws IOException {
        Files.copy(archive, tmp.resolve(archive.getFileName()));
        try (PluginHost host = PluginHost.start(folders(tmp, metadata), MilabVersion.current())) {
            return contents(loaded(host, tmp, archive, metadata));
        }
    }

    /** The dependency folders that do not hold the plugin itself, then {@code tmp}, which holds the archive. */
    private List<Path> folders(Path tmp, PluginMetadata metadata) {
        List<Path> folders = new ArrayList<>();
        for (Path f : dependencyFolders) {
            if (InstalledPlugins.scan(List.of(f)).withId(metadata.id()).isEmpty()) {
                folders.add(f); // an installed copy of the plugin itself would clash with the one described
            }
        }
        folders.add(tmp);
        return folders;
    }

    /** The status of the archive's plugin (the copy in {@code tmp}), which must have loaded. */
    private static PluginStatus loaded(PluginHost host, Path tmp, Path archive, PluginMetadata metadata) {
        Path here = tmp.toAbsolutePath();
        PluginStatus status = host.plugins().stream()
                .filter(p -> p.id().equals(metadata.id()) && p.path().toAbsolutePath().startsWith(here))
                .findFirst().orElse(null);
        if (status == null || status.state() != PluginStatus.State.LOADED) {
            throw ShareException.of("plugin " + metadata.label() + " (" + archive + ")", "does not load in "
                    + "this milab" + (status == null ? " (is a plugin with the same id installed already?)"
                    : ": " + status.problem()) + "; fix it before publishing");
        }
        return status;
    }

    private static Contents contents(PluginStatus status) {
        List<RepositoryIndex.ExtensionSummary> extensions = new ArrayList<>();
        TreeSet<String> citations = new TreeSet<>();
        for (ExtensionHandle e : status.extensions()) {
            extensions.add(new RepositoryIndex.ExtensionSummary(e.name(), e.roles().stream().map(Role::label).sorted()
                    .toList(), e.info().summary()));
            e.citations().forEach(c -> citations.add(Provenance.format(c)));
        }
        extensions.sort(java.util.Comparator.comparing(RepositoryIndex.ExtensionSummary::name));
        return new Contents(extensions, List.copyOf(citations));
    }
}
