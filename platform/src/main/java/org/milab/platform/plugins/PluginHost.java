package org.milab.platform.plugins;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.milab.api.MilabExtension;
import org.milab.platform.MilabVersion;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Loads plugins with PF4J from one or more folders and creates their extensions with an {@link ExtensionFactory}
 * (Guice, with one child injector per plugin, for the extensions that ask for injection). A plugin that is corrupt,
 * refused by its {@code Plugin-Requires}, or fails to start is reported in {@link #plugins()} with its reason; the others load.
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
        PluginHost host = launch(roots, version, MilabPluginManager::loadPlugins, ExtensionChoice.ALL);
        for (Path root : roots) {
            ExtensionIndex.writeIfStale(root, host.indexEntries(root));
        }
        return host;
    }

    /**
     * Loads and starts only the plugins that hold an extension called {@code name} (and the plugins they depend
     * on), as the folders' {@link ExtensionIndex}es say, and creates only the extensions of that name, so that a
     * command naming one extension neither starts every plugin nor creates every extension; starts every plugin, as
     * {@link #start}, when an index is missing or stale or names no such extension, and when the extension declares
     * a component parameter (its components may be any plugin's extensions). The registry then holds the named
     * extensions only.
     */
    public static PluginHost startFor(List<Path> folders, MilabVersion version, String name) {
        List<Path> roots = roots(folders);
        Optional<List<ExtensionIndex.Entry>> entries = indexes(roots);
        Optional<List<Path>> paths = entries.flatMap(e -> ExtensionIndex.pluginsHolding(e, name));
        if (paths.isEmpty()) {
            return start(folders, version);
        }
        PluginHost host = launch(roots, version, manager -> paths.get().forEach(p -> manager.loadPlugin(zipOrSelf(p))),
                ExtensionChoice.only(ExtensionIndex.classesNamed(entries.get(), name)));
        if (host.registry.all().stream().anyMatch(PluginHost::takesComponents)) {
            host.close();
            return start(folders, version);
        }
        return host;
    }

    /** The entries of every folder's index, or empty when one is missing or stale. */
    private static Optional<List<ExtensionIndex.Entry>> indexes(List<Path> roots) {
        List<ExtensionIndex.Entry> entries = new ArrayList<>();
        for (Path root : roots) {
            Optional<List<ExtensionIndex.Entry>> index = ExtensionIndex.read(root);
            if (index.isEmpty()) {
                return Optional.empty();
            }
            entries.addAll(index.get());
        }
        return Optional.of(entries);
    }

    private static boolean takesComponents(ExtensionHandle e) {
        return e.info().parameters().stream().anyMatch(p -> p.kind() == org.milab.api.param.Parameter.Kind.COMPONENT
                || p.kind() == org.milab.api.param.Parameter.Kind.COMPONENT_LIST);
    }

    private static List<Path> roots(List<Path> folders) {
        return folders.stream().filter(Files::isDirectory).map(Path::toAbsolutePath).distinct().toList();
    }

    /** The zip a plugin folder was expanded from, when it is there (PF4J re-expands it if it changed). */
    private static Path zipOrSelf(Path plugin) {
        Path zip = plugin.resolveSibling(plugin.getFileName() + ".zip");
        return Files.isRegularFile(zip) ? zip : plugin;
    }

    private static PluginHost launch(List<Path> roots, MilabVersion version, Consumer<MilabPluginManager> load,
                                     ExtensionChoice choice) {
        MilabPluginManager manager = new MilabPluginManager(roots, version.pluginApi());
        if (!roots.isEmpty()) {
            load.accept(manager);
            manager.startPlugins();
        }
        ExtensionFactory factory = new ExtensionFactory(version);
        List<PluginStatus> statuses = new ArrayList<>();
        manager.unreadable().forEach((path, error) -> statuses.add(PluginStatuses.unreadable(path, error)));
        for (PluginWrapper plugin : manager.getPlugins()) {
            statuses.add(describe(manager, factory, plugin, choice));
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
            Map<String, String> classes = new java.util.TreeMap<>();
            plugins.stream().filter(p -> p.id().equals(w.getPluginId())).forEach(p -> p.extensions()
                    .forEach(e -> classes.put(e.name(), e.instance().getClass().getName())));
            List<String> deps = w.getDescriptor().getDependencies().stream()
                    .map(org.pf4j.PluginDependency::getPluginId).toList();
            entries.add(new ExtensionIndex.Entry(path, w.getPluginId(), deps, classes));
        }
        return entries;
    }

    private static PluginStatus describe(MilabPluginManager manager, ExtensionFactory factory, PluginWrapper plugin,
                                         ExtensionChoice choice) {
        Optional<String> problem = startProblem(manager, plugin);
        if (problem.isPresent()) {
            PluginStatus.State state = manager.refused().containsKey(plugin.getPluginId())
                    ? PluginStatus.State.REFUSED : PluginStatus.State.FAILED;
            return PluginStatuses.of(plugin, state, problem.get(), List.of());
        }
        try {
            return PluginStatuses.of(plugin, PluginStatus.State.LOADED, "",
                    create(factory, plugin, choice.classes(manager, plugin)));
        } catch (ExtensionChoice.Invalid e) {
            return PluginStatuses.of(plugin, PluginStatus.State.FAILED, e.getMessage(), List.of());
        } catch (RuntimeException e) {
            return PluginStatuses.of(plugin, PluginStatus.State.FAILED, "an extension could not be created: "
                    + PluginStatuses.rootMessage(e), List.of());
        }
    }

    /** Why {@code plugin} did not start (refused by its version requirement, or failed), if it did not. */
    private static Optional<String> startProblem(MilabPluginManager manager, PluginWrapper plugin) {
        String refusal = manager.refused().get(plugin.getPluginId());
        if (refusal != null) {
            return Optional.of(refusal);
        }
        if (plugin.getPluginState() == PluginState.STARTED) {
            return Optional.empty();
        }
        Throwable failure = plugin.getFailedException();
        return Optional.of(failure != null ? "it failed to start: " + PluginStatuses.rootMessage(failure)
                : "it is " + plugin.getPluginState().toString().toLowerCase(java.util.Locale.ROOT));
    }

    /** Handles on the extensions of {@code classes}, created by {@code factory}. */
    private static List<ExtensionHandle> create(ExtensionFactory factory, PluginWrapper plugin,
                                                List<Class<? extends MilabExtension>> classes) {
        List<ExtensionHandle> handles = new ArrayList<>();
        for (MilabExtension instance : factory.create(classes)) {
            handles.add(new ExtensionHandle(plugin.getPluginId(), plugin.getDescriptor().getVersion(), instance,
                    instance.info(), Role.of(instance), instance.citations()));
        }
        return handles;
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
