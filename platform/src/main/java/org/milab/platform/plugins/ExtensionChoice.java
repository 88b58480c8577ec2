package org.milab.platform.plugins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.milab.api.MilabExtension;
import org.pf4j.PluginWrapper;

/**
 * Which extension classes of a started plugin the host creates: every one its {@code META-INF/extensions.idx}
 * declares (checked to load as milab extensions), or only those an {@link ExtensionIndex} names for a command that
 * names one extension (issue 16: a cold {@code milab estimate ksg} created all 14 of its plugin's extensions to read
 * their names).
 */
abstract class ExtensionChoice {

    /** Every declared extension of every plugin. */
    static final ExtensionChoice ALL = new ExtensionChoice() {
        @Override
        List<Class<? extends MilabExtension>> classes(MilabPluginManager manager, PluginWrapper plugin) {
            String id = plugin.getPluginId();
            Set<String> declared = manager.getExtensionClassNames(id);
            List<Class<? extends MilabExtension>> classes = manager.getExtensionClasses(MilabExtension.class, id);
            if (declared.isEmpty()) {
                throw new Invalid("it declares no extensions "
                        + "(META-INF/extensions.idx is missing or empty: was PF4J's annotation processor run?)");
            }
            if (classes.size() < declared.size()) {
                throw new Invalid("it declares " + declared.size() + " extensions but only " + classes.size()
                        + " load as milab extensions; a plugin must not bundle plugin-api, PF4J or DJL (mark them "
                        + "'provided'), and every @Extension must implement a milab extension point");
            }
            return classes;
        }
    };

    /** Why a plugin's extensions cannot be created; the message completes "plugin X failed: ...". */
    static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(String reason) {
            super(reason);
        }
    }

    /** The extension classes of {@code plugin} to create. */
    abstract List<Class<? extends MilabExtension>> classes(MilabPluginManager manager, PluginWrapper plugin);

    /**
     * Only the classes named per plugin id (a plugin not named, such as a dependency, contributes none), loaded
     * through the plugin's class loader; a full start has already checked them when it wrote the index.
     */
    static ExtensionChoice only(Map<String, Set<String>> classesByPlugin) {
        return new ExtensionChoice() {
            @Override
            List<Class<? extends MilabExtension>> classes(MilabPluginManager manager, PluginWrapper plugin) {
                List<Class<? extends MilabExtension>> classes = new ArrayList<>();
                for (String name : classesByPlugin.getOrDefault(plugin.getPluginId(), Set.of())) {
                    classes.add(load(plugin, name));
                }
                return classes;
            }
        };
    }

    private static Class<? extends MilabExtension> load(PluginWrapper plugin, String name) {
        try {
            return plugin.getPluginClassLoader().loadClass(name).asSubclass(MilabExtension.class);
        } catch (ClassNotFoundException | ClassCastException | LinkageError e) {
            throw new Invalid("its extension class " + name + " (named by " + ExtensionIndex.FILE
                    + ") does not load as a milab extension: " + e);
        }
    }
}
