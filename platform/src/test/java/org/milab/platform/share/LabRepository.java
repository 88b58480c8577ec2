package org.milab.platform.share;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A publishing lab and an installing lab for tests: two milab homes, a signing key trusted by both, a repository
 * folder, and plugin jars made from a manifest alone (the share code reads descriptors, it never loads classes).
 * Tamper helpers rewrite the repository the way an attacker or a broken transfer would.
 */
final class LabRepository {

    static final String API = "1.0.0";

    final Path root;
    final ShareHome publisher;
    final ShareHome installer;
    final Path repo;
    final Keys.SigningKey key;

    LabRepository(Path root) {
        this.root = root;
        this.publisher = new ShareHome(root.resolve("home-a"));
        this.installer = new ShareHome(root.resolve("home-b"));
        this.repo = root.resolve("repo");
        this.key = publisher.keys().generate("lab-a");
        installer.keys().trust(key.publicKey());
    }

    /** A plugin jar with {@code Plugin-Dependencies} {@code deps} (may be empty) and a resource of {@code bytes}. */
    Path jar(String id, String version, String requires, String deps, int bytes) {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Plugin-Id", id);
        a.putValue("Plugin-Version", version);
        a.putValue("Plugin-Requires", requires);
        if (!deps.isEmpty()) {
            a.putValue("Plugin-Dependencies", deps);
        }
        a.putValue("Plugin-Description", "test plugin " + id);
        Path jar = root.resolve("build").resolve(id + "-" + version + ".jar");
        try {
            Files.createDirectories(jar.getParent());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf)) {
                out.putNextEntry(new JarEntry("data.bin"));
                byte[] data = new byte[bytes];
                new java.util.Random(id.hashCode()).nextBytes(data);
                out.write(data);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    Path jar(String id, String version) {
        return jar(id, version, ">=1.0.0 & <2.0.0", "", 1000);
    }

    /** Publishes with the checks of {@link Publisher} (contents described without loading). */
    RepositoryIndex.PublishedVersion publish(Path archive) {
        return new Publisher(publisher.keys(), (a, m) -> new ExtensionDescriber.Contents(
                List.of(new RepositoryIndex.ExtensionSummary(m.id() + "-ext", List.of("MI estimator"), "a test")),
                List.of("A. Author (2000). A title."))).publish(archive, repo, key);
    }

    /** Publishes {@code archive} bypassing the publisher's checks, as a hostile repository would. */
    void publishUnchecked(String id, String version, Path archive) {
        String file = "plugins/" + id + "/" + id + "-" + version + ".jar";
        try {
            Files.createDirectories(repo.resolve(file).getParent());
            Files.copy(archive, repo.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sign(file);
        RepositoryIndex index = Files.exists(repo.resolve(RepositoryIndex.FILE))
                ? RepositoryIndex.parse(read(RepositoryIndex.FILE), "test") : RepositoryIndex.empty();
        PluginMetadata meta = new PluginMetadata(id, version, ">=1.0.0", List.of(), "", "");
        writeIndex(index.with(meta, new RepositoryIndex.PublishedVersion(version, ">=1.0.0", List.of(), file,
                Sha256.of(archive), PluginPacker.size(archive), key.publicKey().id(), List.of(), List.of())), true);
    }

    /** Rewrites the index JSON text; re-signs it with the trusted key when {@code resign}. */
    void editIndex(UnaryOperator<String> edit, boolean resign) {
        String json = new String(read(RepositoryIndex.FILE), StandardCharsets.UTF_8);
        write(RepositoryIndex.FILE, edit.apply(json).getBytes(StandardCharsets.UTF_8));
        if (resign) {
            sign(RepositoryIndex.FILE);
        }
    }

    void writeIndex(RepositoryIndex index, boolean sign) {
        write(RepositoryIndex.FILE, index.toJson());
        if (sign) {
            sign(RepositoryIndex.FILE);
        }
    }

    void sign(String file) {
        write(file + ".sig", DetachedSignature.sign(key, read(file)).text().getBytes(StandardCharsets.US_ASCII));
    }

    byte[] read(String file) {
        try {
            return Files.readAllBytes(repo.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(String file, byte[] bytes) {
        try {
            Files.createDirectories(repo.resolve(file).getParent());
            Files.write(repo.resolve(file), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Installer installerFor(List<Path> otherFolders) {
        return new Installer(installer, otherFolders, API);
    }

    RepositorySource source() {
        return new RepositorySource.Folder(repo);
    }

    /** Every file under the installing home's plugins/ and installed/ folders, with its hash. */
    List<String> installedSet() {
        List<String> out = new ArrayList<>();
        for (Path dir : List.of(installer.plugins(), installer.records())) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile).sorted().forEach(p -> out.add(root.relativize(p) + " " + Sha256.of(p)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** A zip with the given entries (name, content) in order. */
    static void zip(Path target, List<String[]> entries) {
        try (OutputStream raw = Files.newOutputStream(target);
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(raw)) {
            for (String[] e : entries) {
                out.putNextEntry(new java.util.zip.ZipEntry(e[0]));
                out.write(e[1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
