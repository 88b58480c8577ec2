package org.milab.plugins.infoplane;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.milab.api.testkit.PluginIndex;

/** The PF4J index lists every extension of this plugin, and their names are unique and as documented. */
class PluginContentsTest {

    private static final Set<String> NAMES = Set.of("ip-binning", "ebab", "kde-upper", "kde-lower", "adaptive-kde",
            "capture-training", "information-plane");

    @Test
    void everyExtensionIsIndexedWithAUniqueName() throws ReflectiveOperationException {
        PluginIndex.assertIndexesExactly(getClass(), "org.milab.plugins.infoplane.", NAMES);
    }
}
