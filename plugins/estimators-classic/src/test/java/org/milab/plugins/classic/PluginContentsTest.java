package org.milab.plugins.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.milab.api.MilabExtension;

/** The PF4J index lists every extension of this plugin, and their names are unique and as documented. */
class PluginContentsTest {

    private static final Set<String> NAMES = Set.of("auto", "ksg", "ksg2", "kl-entropy", "ksg-cmi", "ross-mixed",
            "gao-mixed", "discrete", "binned", "kde", "kde-fft", "gaussian", "renyi");

    @Test
    void everyExtensionIsIndexedWithAUniqueName() throws IOException, ReflectiveOperationException {
        // The test sources get an (empty) index of their own, so read every copy on the class path.
        List<String> classes = new java.util.ArrayList<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream in = url.openStream()) {
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                        .filter(l -> !l.isBlank() && !l.startsWith("#") && l.startsWith("org.milab.plugins.classic."))
                        .forEach(classes::add);
            }
        }
        assertFalse(classes.isEmpty(), "META-INF/extensions.idx lists nothing: the PF4J annotation processor did not run");
        Set<String> seen = new HashSet<>();
        for (String c : classes) {
            MilabExtension e = (MilabExtension) Class.forName(c).getDeclaredConstructor().newInstance();
            assertTrue(seen.add(e.info().name()), "duplicate name " + e.info().name());
            assertFalse(e.citations().isEmpty(), c + " has no @Citation");
        }
        assertEquals(NAMES, seen);
    }
}
