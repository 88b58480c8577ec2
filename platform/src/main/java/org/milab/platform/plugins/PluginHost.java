package org.milab.platform.plugins;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.milab.api.MilabExtension;
import org.milab.platform.MilabVersion;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Loads plugins with PF4J from one or more folders and wires their extensions with Guice: one host injector, and
 * one child injector per plugin in which that plugin's extension classes are bound explicitly, so one plugin's
 * bindings never become visible to another. A plugin that is corrupt, refused by its {@code Plugin-Requires}, or
 * fails to start is reported in {@link #plugins()} with its reason; the others load.
 */
public final class PluginHost implements AutoCloseable {

    private final MilabPluginManager manager;
    private final List<PluginStatus> plugins;
    private final ExtensionRegistry registry;

    private PluginHost(MilabPluginManager manager, List<PluginStatus> plugins) {
        this.manager = manager;
        this.plugins = List.copyOf(plugins);
        this.registry = new ExtensionRegistry(plugins.stream().flatMap(p -> p.extensions().stream()).toList());
    }

    /**
     * Loads and starts every plugin found in {@code folders} (missing folders are skipped), and refreshes each
     * folder's {@link ExtensionIndex}.
     *
     * @param folders plugin folders, searched in order
     * @param version the host's versions; the plugin API version is PF4J's system version
     */
    public static PluginHost start(List<Path> folders, MilabVersion version) {
        List<Path> roots = roots(folders);
        PluginHost host = launch(roots, version, MilabPluginManager::loadPlugins);
        for (Path root : roots) {
            ExtensionIndex.writeIfStale(root, host.indexEntries(root));
        }
        return host;
    }

    /**
     * Loads and starts only the plugins that hold an extension called {@code name} (and the plugins they depend
     * on), as the folders' {@link ExtensionIndex}es say, so that a command naming one extension does not start
     * every plugin; starts every plugin, as {@link #start}, when an index is missing or stale or names no such
     * extension. The registry then holds the loaded plugins' extensions only.
     */
    public static PluginHost startFor(List<Path> folders, MilabVersion version, String name) {
        List<Path> roots = roots(folders);
        List<ExtensionIndex.Entry> entries = new ArrayList<>();
        for (Path root : roots) {
            Optional<List<ExtensionIndex.Entry>> index = ExtensionIndex.read(root);
            if (index.isEmpty()) {
                return start(folders, version);
            }
            entries.addAll(index.get());
        }
        Optional<List<Path>> paths = ExtensionIndex.pluginsHolding(entries, name);
        if (paths.isEmpty()) {
            return start(folders, version);
        }
        return launch(roots, version, manager -> paths.get().forEach(p -> manager.loadPlugin(zipOrSelf(p))));
    }

    private static List<Path> roots(List<Path> folders) {
        return folders.stream().filter(Files::isDirectory).map(Path::toAbsolutePath).distinct().toList();
    }

    /** The zip a plugin folder was expanded from, when it is there (PF4J re-expands it if it changed). */
    private static Path zipOrSelf(Path plugin) {
        Path zip = plugin.resolveSibling(plugin.getFileName() + ".zip");
        return Files.isRegularFile(zip) ? zip : plugin;
    }

    private static PluginHost launch(List<Path> roots, MilabVersion version, Consumer<MilabPluginManager> load) {
        MilabPluginManager manager = new MilabPluginManager(roots, version.pluginApi());
        if (!roots.isEmpty()) {
            load.accept(manager);
            manager.startPlugins();
        }
        Injector host = Guice.createInjector(new AbstractModule() {
            @Override
            protected void configure() {
                bind(MilabVersion.class).toInstance(version);
            }
        });
        List<PluginStatus> statuses = new ArrayList<>();
        manager.unreadable().forEach((path, error) -> statuses.add(PluginStatuses.unreadable(path, error)));
        for (PluginWrapper plugin : manager.getPlugins()) {
            statuses.add(describe(manager, host, plugin));
        }
        return new PluginHost(manager, statuses);
    }

    /** Index entries of the plugins loaded from {@code root} (those that failed are listed without extensions). */
    private List<ExtensionIndex.Entry> indexEntries(Path root) {
        List<ExtensionIndex.Entry> entries = new ArrayList<>();
        for (PluginWrapper w : manager.getPlugins()) {
            Path path = w.getPluginPath().toAbsolutePath();
            if (!root.equals(path.getParent())) {
                continue;
            }
            Set<String> names = new java.util.TreeSet<>();
            plugins.stream().filter(p -> p.id().equals(w.getPluginId()))
                    .forEach(p -> p.extensions().forEach(e -> names.add(e.name())));
            List<String> deps = w.getDescriptor().getDependencies().stream()
                    .map(org.pf4j.PluginDependency::getPluginId).toList();
            entries.add(new ExtensionIndex.Entry(path, w.getPluginId(), deps, names));
        }
        return entries;
    }

    private static PluginStatus describe(MilabPluginManager manager, Injector host, PluginWrapper plugin) {
        String id = plugin.getPluginId();
        String refusal = manager.refused().get(id);
        if (refusal != null) {
            return PluginStatuses.of(plugin, PluginStatus.State.REFUSED, refusal, List.of());
        }
        if (plugin.getPluginState() != PluginState.STARTED) {
            Throwable failure = plugin.getFailedException();
            String reason = failure != null ? "it failed to start: " + PluginStatuses.rootMessage(failure)
                    : "it is " + plugin.getPluginState().toString().toLowerCase(java.util.Locale.ROOT);
            return PluginStatuses.of(plugin, PluginStatus.State.FAILED, reason, List.of());
        }
        Set<String> declared = manager.getExtensionClassNames(id);
        List<Class<? extends MilabExtension>> classes = manager.getExtensionClasses(MilabExtension.class, id);
        if (declared.isEmpty()) {
            return PluginStatuses.of(plugin, PluginStatus.State.FAILED, "it declares no extensions "
                    + "(META-INF/extensions.idx is missing or empty: was PF4J's annotation processor run?)", List.of());
        }
        if (classes.size() < declared.size()) {
            return PluginStatuses.of(plugin, PluginStatus.State.FAILED, "it declares " + declared.size()
                    + " extensions but only " + classes.size() + " load as milab extensions; a plugin must not bundle"
                    + " plugin-api, PF4J or DJL (mark them 'provided'), and every @Extension must implement a milab"
                    + " extension point", List.of());
        }
        Injector child = host.createChildInjector(new AbstractModule() {
            @Override
            protected void configure() {
                classes.forEach(c -> bind(c).in(Singleton.class));
            }
        });
        List<ExtensionHandle> handles = new ArrayList<>();
        try {
            for (Class<? extends MilabExtension> c : classes) {
                MilabExtension instance = child.getInstance(c);
                handles.add(new ExtensionHandle(id, plugin.getDescriptor().getVersion(), instance, instance.info(),
                        Role.of(instance), instance.citations()));
            }
        } catch (RuntimeException e) {
            return PluginStatuses.of(plugin, PluginStatus.State.FAILED, "an extension could not be created: "
                    + PluginStatuses.rootMessage(e), List.of());
        }
        return PluginStatuses.of(plugin, PluginStatus.State.LOADED, "", handles);
    }

    /** Every plugin found, loaded or not. */
    public List<PluginStatus> plugins() {
        return plugins;
    }

    /** The extensions of the loaded plugins. */
    public ExtensionRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        manager.stopPlugins();
        manager.unloadPlugins();
    }
}
