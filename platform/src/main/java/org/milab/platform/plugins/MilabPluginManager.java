package org.milab.platform.plugins;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginWrapper;

/**
 * PF4J's default manager with the system version set (so {@code Plugin-Requires} is enforced) and with every
 * plugin that cannot be read or is refused remembered with its reason, instead of only logged, so the host can
 * report it by name while the other plugins load.
 */
final class MilabPluginManager extends DefaultPluginManager {

    private final Map<Path, RuntimeException> unreadable = new LinkedHashMap<>();
    private final Map<String, String> refused = new LinkedHashMap<>();

    MilabPluginManager(List<Path> roots, String pluginApiVersion) {
        super(roots);
        setSystemVersion(pluginApiVersion);
    }

    @Override
    protected PluginWrapper loadPluginFromPath(Path pluginPath) {
        try {
            return super.loadPluginFromPath(pluginPath);
        } catch (RuntimeException e) {
            unreadable.put(pluginPath, e);
            throw e;
        }
    }

    @Override
    protected boolean isPluginValid(PluginWrapper plugin) {
        boolean valid = super.isPluginValid(plugin);
        if (!valid) {
            String requires = plugin.getDescriptor().getRequires();
            refused.put(plugin.getPluginId(), "it requires plugin API " + requires
                    + " (Plugin-Requires), but this milab provides plugin API " + getSystemVersion()
                    + "; use a build of the plugin made for this API version");
        }
        return valid;
    }

    /** Plugins whose descriptor or class loader could not be created, by path. */
    Map<Path, RuntimeException> unreadable() {
        return unreadable;
    }

    /** Plugins refused by their version requirement, by id, with the reason. */
    Map<String, String> refused() {
        return refused;
    }
}
