package org.milab.plugins.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.milab.api.MilabExtension;

/** PF4J finds extensions through META-INF/extensions.idx: every extension of this plugin must be listed. */
class ExtensionIndexTest {

    @Test
    void indexListsEveryExtension() throws IOException {
        Set<String> indexed = new TreeSet<>();
        // the test classes carry an (empty) index of their own: read every copy
        for (URL url : Collections.list(Variational.class.getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream in = url.openStream()) {
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(indexed::add);
            }
        }
        Set<String> expected = Arrays.stream(NeuralComponents.all()).map(e -> e.getClass().getName())
                .collect(Collectors.toCollection(TreeSet::new));
        expected.add(Variational.class.getName());
        expected.add(GaussianStaircase.class.getName());
        assertEquals(expected, indexed);
        for (MilabExtension e : NeuralComponents.all()) {
            assertEquals(e.info(), e.info());
        }
    }
}
