package org.milab.platform.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.milab.api.MilabExtension;
import org.milab.platform.testing.Cli;

/**
 * {@code milab new-plugin}: every kind's project compiles (main and test sources, against the plugin API, its test
 * kit, PF4J and DJL, as Maven would) and its extension describes itself; the example plugin under
 * {@code platform/src/test/fixtures} is exactly the scaffold's output, so the README, the fixture and the scaffold
 * never drift apart. (CI builds a scaffolded plugin with Maven itself.)
 */
class ScaffoldTest {

    static final Path FIXTURE = Cli.repo().resolve("platform/src/test/fixtures/pearson-plugin");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(PluginKind.class)
    void everyKindCompilesWithItsContractTest(PluginKind kind) throws Exception {
        String name = "my-" + kind.label();
        Path dir = tmp.resolve(name);
        Scaffold.create(name, kind, dir);
        Path classes = tmp.resolve("classes");
        compile(dir.resolve("src/main/java"), classes, List.of());
        assertTrue(Files.isRegularFile(classes.resolve("META-INF/extensions.idx")), "PF4J's index was written");
        compile(dir.resolve("src/test/java"), tmp.resolve("test-classes"), List.of(classes));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ScaffoldTest.class.getClassLoader())) {
            String cls = "org.example.my" + kind.label() + "." + Scaffold.className(name);
            MilabExtension e = (MilabExtension) loader.loadClass(cls).getConstructor().newInstance();
            assertEquals(name, e.info().name());
            assertEquals(kind.summary(), e.info().summary());
        }
        String pom = Files.readString(dir.resolve("pom.xml"));
        assertTrue(pom.contains("<Plugin-Id>" + name + "</Plugin-Id>") && !pom.contains("{{"), pom);
    }

    @Test
    void theExampleFixtureIsTheScaffoldsOutput() throws IOException {
        Path out = tmp.resolve("pearson-plugin");
        Scaffold.create("pearson-gaussian", PluginKind.ESTIMATOR, out);
        String how = "; regenerate it: rm -r platform/src/test/fixtures/pearson-plugin && ./milab new-plugin "
                + "pearson-gaussian --kind estimator --dir platform/src/test/fixtures/pearson-plugin";
        assertEquals(files(out), files(FIXTURE), "the fixture's files" + how);
        for (String f : files(out)) {
            assertEquals(Files.readString(out.resolve(f)), Files.readString(FIXTURE.resolve(f)), f + how);
        }
    }

    @Test
    void badNamesAndOccupiedFoldersAreRefusedLeavingNothing() throws IOException {
        ShareException e = assertThrows(ShareException.class,
                () -> Scaffold.create("My Plugin", PluginKind.ESTIMATOR, tmp.resolve("x")));
        assertTrue(e.getMessage().contains("'My Plugin'"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("x")));
        Files.createDirectories(tmp.resolve("full"));
        Files.writeString(tmp.resolve("full/keep.txt"), "mine");
        assertThrows(ShareException.class, () -> Scaffold.create("p", PluginKind.ESTIMATOR, tmp.resolve("full")));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("full"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private static void compile(Path sources, Path out, List<Path> extra) throws IOException {
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        List<String> cp = new ArrayList<>();
        for (Class<?> c : List.of(MilabExtension.class, org.milab.api.testkit.ExtensionContract.class,
                org.pf4j.Extension.class, ai.djl.ndarray.NDArray.class, org.junit.jupiter.api.Test.class,
                org.opentest4j.AssertionFailedError.class, org.apiguardian.api.API.class)) {
            cp.add(jarOf(c));
        }
        extra.forEach(p -> cp.add(p.toString()));
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--release", "17",
                "-classpath", String.join(File.pathSeparator, cp)));
        args.addAll(files);
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, log, log, args.toArray(String[]::new));
        assertEquals(0, rc, "javac: " + log);
    }

    private static String jarOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
