package org.milab.platform.share;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code milab new-plugin NAME --kind KIND}: a ready Maven project for a plugin with one extension of that kind,
 * from the templates in {@code scaffold/}: a pom with the PF4J manifest and every build plugin pinned, the
 * extension class (a small, correct example), and its test against the plugin API's contract test kit. The
 * project is written to a temporary folder beside its target and renamed into place, so a failure leaves nothing.
 */
public final class Scaffold {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9]+)}}");

    private Scaffold() {
    }

    /** Creates the project for plugin {@code name} in {@code dir} (which must not exist or be empty). */
    public static List<Path> create(String name, PluginKind kind, Path dir) {
        if (!NAME.matcher(name).matches()) {
            throw ShareException.of("plugin name '" + name + "'", "use lower-case letters and digits separated by "
                    + "single dashes, e.g. 'pearson-gaussian' (it names the plugin and its extension)");
        }
        if (Files.exists(dir) && !isEmptyDir(dir)) {
            throw ShareException.of(dir, "exists and is not empty; choose another --dir");
        }
        return write(dir, files(kind, values(name, kind)));
    }

    /** The project's files, by path, rendered from the templates of {@code kind}. */
    private static Map<String, String> files(PluginKind kind, Map<String, String> values) {
        Map<String, String> files = new LinkedHashMap<>();
        String javaPath = values.get("package").replace('.', '/') + "/" + values.get("class");
        files.put("pom.xml", render("pom.xml.tmpl", values));
        files.put("README.md", render("README.md.tmpl", values));
        files.put(".gitignore", render("gitignore.tmpl", values));
        files.put("src/main/java/" + javaPath + ".java", render(kind.label() + ".java.tmpl", values));
        files.put("src/test/java/" + javaPath + "Test.java", render(kind.label() + "Test.java.tmpl", values));
        return files;
    }

    /** {@code pearson-gaussian} becomes {@code PearsonGaussian}. */
    static String className(String name) {
        StringBuilder sb = new StringBuilder();
        for (String part : name.split("-")) {
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return Character.isDigit(sb.charAt(0)) ? "P" + sb : sb.toString();
    }

    private static Map<String, String> values(String name, PluginKind kind) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("id", name);
        v.put("kind", kind.label());
        v.put("class", className(name));
        v.put("package", "org.example." + name.replace("-", ""));
        v.put("summary", kind.summary());
        putVersions(v, resource("scaffold-versions.properties"));
        return v;
    }

    /** The versions the generated pom pins, from the platform's own build. */
    private static void putVersions(Map<String, String> v, Properties versions) {
        v.put("milabVersion", versions.getProperty("milab.version"));
        v.put("requires", versions.getProperty("plugin.requires").replace("&", "&amp;").replace("<", "&lt;")
                .replace(">", "&gt;"));
        v.put("pf4jVersion", versions.getProperty("pf4j.version"));
        v.put("djlVersion", versions.getProperty("djl.version"));
        v.put("junitVersion", versions.getProperty("junit.version"));
        v.put("surefireVersion", versions.getProperty("surefire.version"));
    }

    private static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template(template));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("template " + template + " uses unknown {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    private static String template(String template) {
        try (InputStream in = Scaffold.class.getResourceAsStream("scaffold/" + template)) {
            if (in == null) {
                throw new IllegalStateException("template scaffold/" + template + " is missing from the platform jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the files into a temporary folder beside {@code dir}, then moves that into place at once. */
    private static List<Path> write(Path dir, Map<String, String> files) {
        Path abs = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + "-");
            return writeAndMove(tmp, dir, files);
        } catch (IOException e) {
            throw ShareException.of(dir, "cannot be written: " + e.getMessage());
        }
    }

    /** Writes the files under {@code tmp} and moves it to {@code dir}; on failure {@code tmp} is deleted. */
    private static List<Path> writeAndMove(Path tmp, Path dir, Map<String, String> files) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        boolean moved = false;
        try {
            List<Path> written = writeInto(tmp, dir, files);
            Files.deleteIfExists(abs);
            Files.move(tmp, abs, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            return written;
        } finally {
            if (!moved) {
                AtomicFiles.deleteTree(tmp);
            }
        }
    }

    /** Writes the files under {@code tmp}; the paths they will have under {@code dir}. */
    private static List<Path> writeInto(Path tmp, Path dir, Map<String, String> files) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = tmp.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
            written.add(dir.resolve(f.getKey()));
        }
        return written;
    }

    private static Properties resource(String name) {
        Properties p = new Properties();
        try (InputStream in = Scaffold.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the platform jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static boolean isEmptyDir(Path dir) {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
