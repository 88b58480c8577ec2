package org.milab.plugins.energy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.milab.api.testkit.PluginIndex;

/** The PF4J index lists every extension of this plugin, and their names are unique and as documented. */
class PluginContentsTest {

    private static final Set<String> NAMES = Set.of("rbm", "dbn", "hfm", "relevance",
            "energy-spectrum");

    @Test
    void everyExtensionIsIndexedWithAUniqueName() throws ReflectiveOperationException {
        PluginIndex.assertIndexesExactly(getClass(), "org.milab.plugins.energy.", NAMES);
    }
}
