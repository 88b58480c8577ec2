package org.milab.platform.share;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.pf4j.CompoundPluginDescriptorFinder;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PropertiesPluginDescriptorFinder;
import org.pf4j.PluginRuntimeException;

/**
 * A plugin's descriptor, read without loading the plugin, with PF4J's own finders (a zip's
 * {@code plugin.properties}, a jar's manifest) so that it means exactly what the host will read.
 *
 * @param id           Plugin-Id
 * @param version      Plugin-Version
 * @param requires     Plugin-Requires (the plugin API versions it accepts; empty means any)
 * @param dependencies Plugin-Dependencies
 * @param description  Plugin-Description (may be empty)
 * @param provider     Plugin-Provider (may be empty)
 */
public record PluginMetadata(String id, String version, String requires, List<Dependency> dependencies,
                             String description, String provider) {

    /**
     * One plugin dependency.
     *
     * @param id       the plugin it needs
     * @param versions its accepted versions ({@code *} for any)
     * @param optional whether the plugin also works without it
     */
    public record Dependency(String id, String versions, boolean optional) {
        /** Checks the id. */
        public Dependency {
            Objects.requireNonNull(id, "id");
            versions = versions == null || versions.isBlank() ? "*" : versions;
        }

        @Override
        public String toString() {
            return id + (optional ? "?" : "") + "@" + versions;
        }
    }

    /** Copies the list and turns absent texts into empty ones. */
    public PluginMetadata {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        requires = requires == null ? "" : requires;
        dependencies = List.copyOf(dependencies);
        description = description == null ? "" : description;
        provider = provider == null ? "" : provider;
    }

    /** Reads the descriptor of a plugin jar, zip or folder. */
    public static PluginMetadata read(Path plugin) {
        if (!Files.exists(plugin)) {
            throw ShareException.of(plugin, "no such file");
        }
        PluginDescriptor d = descriptor(plugin);
        if (d.getPluginId() == null || d.getPluginId().isBlank() || d.getVersion() == null
                || d.getVersion().isBlank()) {
            throw ShareException.of(plugin, "not a plugin: its descriptor lacks Plugin-Id or Plugin-Version");
        }
        List<Dependency> deps = d.getDependencies().stream().map(PluginMetadata::dependency).toList();
        return new PluginMetadata(d.getPluginId(), d.getVersion(), d.getRequires(), deps,
                d.getPluginDescription(), d.getProvider());
    }

    /** The descriptor PF4J finds: {@code plugin.properties}, else the jar's manifest. */
    private static PluginDescriptor descriptor(Path plugin) {
        PluginDescriptorFinder finder = new CompoundPluginDescriptorFinder()
                .add(new PropertiesPluginDescriptorFinder()).add(new ManifestPluginDescriptorFinder());
        try {
            return finder.find(plugin);
        } catch (PluginRuntimeException | IllegalArgumentException e) {
            throw ShareException.of(plugin, "not a plugin: no readable descriptor (a jar needs Plugin-Id, "
                    + "Plugin-Version and Plugin-Requires in META-INF/MANIFEST.MF, a zip a plugin.properties)");
        }
    }

    private static Dependency dependency(PluginDependency d) {
        return new Dependency(d.getPluginId(), d.getPluginVersionSupport(), d.isOptional());
    }

    /** {@code id version}. */
    public String label() {
        return id + " " + version;
    }
}
