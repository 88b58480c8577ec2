package org.milab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.milab.api.param.Parameter;

/**
 * {@code org.milab.api} depends on {@code org.milab.api.param}, never the reverse: no class file of the param
 * package names a type of the root package (class files name every type they use in their constant pool).
 */
class PackageCycleTest {

    private static final Pattern ROOT_TYPE = Pattern.compile("org/milab/api/[A-Z][A-Za-z0-9_$]*");

    @Test
    void parameterPackageDoesNotUseTheRootPackage() throws IOException, URISyntaxException {
        Path dir = Path.of(Parameter.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("org/milab/api/param");
        TreeSet<String> used = new TreeSet<>();
        List<Path> classes;
        try (Stream<Path> files = Files.list(dir)) {
            classes = files.filter(f -> f.toString().endsWith(".class")).toList();
        }
        assertFalse(classes.isEmpty(), "no class files in " + dir);
        for (Path f : classes) {
            Matcher m = ROOT_TYPE.matcher(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            while (m.find()) {
                used.add(f.getFileName() + " -> " + m.group());
            }
        }
        assertEquals(new TreeSet<String>(), used);
    }
}
