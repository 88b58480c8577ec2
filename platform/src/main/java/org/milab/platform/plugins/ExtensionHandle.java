package org.milab.platform.plugins;

import java.util.List;
import java.util.function.Supplier;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.MilabExtension;

/**
 * One loaded extension: its plugin, roles, description and the (stateless) instance. Calls into plugin code go
 * through {@link #call(Supplier)}, which sets the thread context class loader to the plugin's, as libraries that
 * use {@code ServiceLoader} inside plugins expect.
 *
 * @param pluginId      owning plugin
 * @param pluginVersion its version
 * @param instance      the extension
 * @param info          what the extension says about itself
 * @param roles         the extension points it implements
 * @param citations     its references
 */
public record ExtensionHandle(String pluginId, String pluginVersion, MilabExtension instance, ExtensionInfo info,
                              List<Role> roles, List<Citation> citations) {

    /** Copies lists. */
    public ExtensionHandle {
        roles = List.copyOf(roles);
        citations = List.copyOf(citations);
    }

    /** The extension's bare name. */
    public String name() {
        return info.name();
    }

    /** {@code plugin-id/name}, unique across the host. */
    public String qualifiedName() {
        return pluginId + "/" + info.name();
    }

    /** Whether the extension plays {@code role}. */
    public boolean plays(Role role) {
        return roles.contains(role);
    }

    /** The instance as {@code role}'s interface. */
    public <T> T as(Class<T> type) {
        return type.cast(instance);
    }

    /** Runs plugin code with the plugin's class loader as the thread context class loader. */
    public <T> T call(Supplier<T> body) {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(instance.getClass().getClassLoader());
        try {
            return body.get();
        } finally {
            t.setContextClassLoader(previous);
        }
    }
}
