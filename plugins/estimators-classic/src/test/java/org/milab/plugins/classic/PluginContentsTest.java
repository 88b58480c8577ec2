package org.milab.plugins.classic;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.milab.api.testkit.PluginIndex;

/** The PF4J index lists every extension of this plugin, and their names are unique and as documented. */
class PluginContentsTest {

    private static final Set<String> NAMES = Set.of("auto", "ksg", "ksg2", "kl-entropy", "ksg-cmi", "ross-mixed",
            "gao-mixed", "discrete", "binned", "kde", "kde-fft", "gaussian", "renyi");

    @Test
    void everyExtensionIsIndexedWithAUniqueName() throws ReflectiveOperationException {
        PluginIndex.assertIndexesExactly(getClass(), "org.milab.plugins.classic.", NAMES);
    }
}
