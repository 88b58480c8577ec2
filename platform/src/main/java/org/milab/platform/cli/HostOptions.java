package org.milab.platform.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.milab.api.ConfigurationException;
import org.milab.platform.MilabVersion;
import org.milab.platform.plugins.PluginHost;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import picocli.CommandLine.Option;

/**
 * Options every command shares, and the plugin folders they imply, in order: the built-in plugins of this
 * distribution, {@code ~/.milab/plugins}, the folders listed under {@code plugin-dirs} in
 * {@code ~/.milab/config.yaml}, then every {@code --plugins-dir}. {@code MILAB_HOME} replaces {@code ~/.milab}.
 */
public final class HostOptions {

    @Option(names = "--plugins-dir", paramLabel = "DIR", description = "extra folder of plugin jars or zips (repeatable)")
    List<Path> pluginDirs = new ArrayList<>();

    @Option(names = "--verbose", description = "log plugin loading and show stack traces")
    boolean verbose;

    /** The plugin folders, in search order. */
    public List<Path> pluginFolders() {
        List<Path> dirs = new ArrayList<>();
        dirs.add(builtinPlugins());
        Path home = milabHome();
        dirs.add(home.resolve("plugins"));
        dirs.addAll(configuredDirs(home.resolve("config.yaml")));
        dirs.addAll(pluginDirs);
        return dirs;
    }

    /** Starts the plugin host over {@link #pluginFolders()}. */
    public PluginHost startHost() {
        checkPluginDirs();
        return PluginHost.start(pluginFolders(), MilabVersion.current());
    }

    /**
     * Starts only the plugins that hold an extension called {@code name}, when the folders' extension indexes
     * know it (see {@link PluginHost#startFor}); otherwise every plugin.
     */
    public PluginHost startHostFor(String name) {
        checkPluginDirs();
        return PluginHost.startFor(pluginFolders(), MilabVersion.current(), name);
    }

    private void checkPluginDirs() {
        for (Path p : pluginDirs) {
            if (!Files.isDirectory(p)) {
                throw new ConfigurationException("--plugins-dir " + p, "no such folder");
            }
        }
    }

    static Path milabHome() {
        String env = System.getProperty("milab.home", System.getenv("MILAB_HOME"));
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".milab");
    }

    /** {@code milab.plugins} (set by the launcher), else the {@code plugins} folder beside this jar's {@code lib}. */
    static Path builtinPlugins() {
        String prop = System.getProperty("milab.plugins");
        if (prop != null) {
            return Path.of(prop);
        }
        try {
            Path jar = Path.of(HostOptions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().resolveSibling("plugins");
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Path.of("plugins");
        }
    }

    private static List<Path> configuredDirs(Path config) {
        if (!Files.isRegularFile(config)) {
            return List.of();
        }
        try (Reader r = Files.newBufferedReader(config)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
            Object dirs = root instanceof Map<?, ?> m ? m.get("plugin-dirs") : null;
            if (dirs == null) {
                return List.of();
            }
            if (!(dirs instanceof List<?> list)) {
                throw new ConfigurationException(config.toString(), "'plugin-dirs' must be a list of folders");
            }
            return list.stream().map(o -> Path.of(String.valueOf(o).replaceFirst("^~", System.getProperty("user.home"))))
                    .toList();
        } catch (IOException | org.yaml.snakeyaml.error.YAMLException e) {
            throw new ConfigurationException(config.toString(), "cannot be read: " + e.getMessage());
        }
    }
}
