package org.milab.platform.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a PF4J plugin jar from Java sources in a temporary folder, as a lab's build would: compiles against the
 * plugin API and PF4J only (PF4J's annotation processor writes {@code META-INF/extensions.idx}) and writes the
 * plugin manifest.
 */
public final class PluginJarBuilder {

    private final Path sources;
    private String id = "fixture";
    private String version = "0.1.0";
    private String requires = ">=1.0.0 & <2.0.0";

    private PluginJarBuilder(Path sources) {
        this.sources = sources;
    }

    /** Sources under {@code sourceRoot} (a {@code src/main/java} folder). */
    public static PluginJarBuilder fromSources(Path sourceRoot) {
        return new PluginJarBuilder(sourceRoot);
    }

    /** Plugin-Id. */
    public PluginJarBuilder id(String value) {
        this.id = value;
        return this;
    }

    /** Plugin-Version. */
    public PluginJarBuilder version(String value) {
        this.version = value;
        return this;
    }

    /** Plugin-Requires. */
    public PluginJarBuilder requires(String value) {
        this.requires = value;
        return this;
    }

    /** Compiles and writes {@code <folder>/<id>-<version>.jar}. */
    public Path buildInto(Path folder) throws IOException {
        Path classes = Files.createTempDirectory("milab-fixture-classes");
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17", "-classpath",
                jarOf(org.milab.api.MilabExtension.class) + java.io.File.pathSeparator + jarOf(org.pf4j.Extension.class)
                        + java.io.File.pathSeparator + jarOf(ai.djl.ndarray.NDArray.class)));
        args.addAll(files);
        int rc = javac.run(null, null, null, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("fixture plugin did not compile (javac exit " + rc + ")");
        }
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Plugin-Id", id);
        a.putValue("Plugin-Version", version);
        a.putValue("Plugin-Requires", requires);
        a.putValue("Plugin-Provider", "test fixture");
        Files.createDirectories(folder);
        Path jar = folder.resolve(id + "-" + version + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, (OutputStream) out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static String jarOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
