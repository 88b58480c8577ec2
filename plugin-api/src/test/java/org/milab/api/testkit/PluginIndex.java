package org.milab.api.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.milab.api.MilabExtension;

/**
 * Checks a plugin's PF4J index ({@code META-INF/extensions.idx}, written by PF4J's annotation processor): it lists
 * every extension of the plugin, each one instantiable, cited, and named uniquely, and the names are exactly the
 * documented ones. A plugin whose build forgot the processor has no extensions and no error; this catches it.
 */
public final class PluginIndex {

    private PluginIndex() {
    }

    /**
     * Asserts that the classes under {@code packagePrefix} listed by every index on {@code anchor}'s class path are
     * extensions named exactly {@code names}, each with a citation.
     */
    public static void assertIndexesExactly(Class<?> anchor, String packagePrefix, Set<String> names)
            throws ReflectiveOperationException {
        List<String> classes = indexed(anchor.getClassLoader(), packagePrefix);
        assertFalse(classes.isEmpty(), "META-INF/extensions.idx lists nothing: the PF4J annotation processor did not run");
        Set<String> seen = new HashSet<>();
        for (String c : classes) {
            MilabExtension e = (MilabExtension) Class.forName(c, true, anchor.getClassLoader())
                    .getDeclaredConstructor().newInstance();
            assertTrue(seen.add(e.info().name()), "duplicate name " + e.info().name());
            assertFalse(e.citations().isEmpty(), c + " has no @Citation");
        }
        assertEquals(names, seen);
    }

    /** The indexed classes under {@code packagePrefix}; the test sources get an (empty) index too, so read every copy. */
    private static List<String> indexed(ClassLoader loader, String packagePrefix) {
        List<String> classes = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources("META-INF/extensions.idx"))) {
                try (InputStream in = url.openStream()) {
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                            .filter(l -> !l.isBlank() && !l.startsWith("#") && l.startsWith(packagePrefix))
                            .forEach(classes::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return classes;
    }
}
