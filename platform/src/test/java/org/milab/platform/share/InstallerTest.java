package org.milab.platform.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installing from a lab repository, and every bad input the issue lists: each is refused with a one-line error
 * naming the plugin, the file and the reason, and leaves the installed set exactly as it was.
 */
class InstallerTest {

    @TempDir
    Path tmp;

    LabRepository lab;
    List<String> before;

    @BeforeEach
    void publishAndInstallABaseline() {
        lab = new LabRepository(tmp);
        lab.publish(lab.jar("base", "1.0.0"));
        lab.installerFor(List.of()).install(lab.source(), "base", Optional.empty());
        before = lab.installedSet();
    }

    private String refused(String id) {
        ShareException e = assertThrows(ShareException.class,
                () -> lab.installerFor(List.of()).install(lab.source(), id, Optional.empty()));
        assertEquals(before, lab.installedSet(), "the installed set is unchanged");
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(listDownloads().isEmpty(), "no temporary file is left: " + listDownloads());
        return e.getMessage();
    }

    private List<Path> listDownloads() {
        try (var s = Files.list(lab.installer.downloads())) {
            return s.filter(p -> !p.getFileName().toString().equals(".lock")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Test
    void installsTheNewestVersionWithItsRecord() throws IOException {
        lab.publish(lab.jar("p", "1.0.0"));
        lab.publish(lab.jar("p", "1.2.0"));
        lab.publish(lab.jar("p", "1.10.0"));
        List<Installer.Outcome> out = lab.installerFor(List.of()).install(lab.source(), "p", Optional.empty());
        assertEquals("1.10.0", out.get(0).version(), "1.10 is newer than 1.2 (semantic, not text order)");
        Path file = lab.installer.plugins().resolve("p.jar");
        assertEquals(PluginMetadata.read(file).version(), "1.10.0");
        InstallRecord r = InstallRecord.read(lab.installer, "p").orElseThrow();
        assertEquals(Sha256.of(file), r.sha256());
        assertEquals(lab.key.publicKey().id(), r.signerId());
    }

    @Test
    void anExactVersionAndAnUpdateReplaceTheFileAtomically() {
        lab.publish(lab.jar("p", "1.0.0"));
        lab.publish(lab.jar("p", "2.0.0", ">=1.0.0", "", 500));
        Installer installer = lab.installerFor(List.of());
        installer.install(lab.source(), "p", Optional.of("1.0.0"));
        assertEquals("1.0.0", PluginMetadata.read(lab.installer.plugins().resolve("p.jar")).version());
        installer.install(lab.source(), "p", Optional.empty());
        assertEquals("2.0.0", PluginMetadata.read(lab.installer.plugins().resolve("p.jar")).version());
        assertEquals(1, InstalledPlugins.scan(List.of(lab.installer.plugins())).withId("p").size());
    }

    @Test
    void dependenciesAreInstalledFirst() {
        lab.publish(lab.jar("lib", "1.0.0"));
        lab.publish(lab.jar("app", "1.0.0", ">=1.0.0", "lib@>=1.0.0", 100));
        List<Installer.Outcome> out = lab.installerFor(List.of()).install(lab.source(), "app", Optional.empty());
        assertEquals(List.of("lib", "app"), out.stream().map(Installer.Outcome::id).toList());
    }

    @Test
    void removeDeletesTheFileAndItsRecord() {
        lab.installerFor(List.of()).remove("base");
        assertTrue(lab.installedSet().isEmpty(), lab.installedSet().toString());
    }

    @Test
    void tamperedArchive() throws IOException {
        lab.publish(lab.jar("p", "1.0.0"));
        Path archive = lab.repo.resolve("plugins/p/p-1.0.0.jar");
        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length / 2] ^= 1;
        Files.write(archive, bytes);
        String msg = refused("p");
        assertTrue(msg.contains("plugin p 1.0.0") && msg.contains("p-1.0.0.jar") && msg.contains("SHA-256 mismatch"),
                msg);
    }

    @Test
    void tamperedIndex() {
        lab.publish(lab.jar("p", "1.0.0"));
        lab.editIndex(json -> json.replace(">=1.0.0 \\u0026 <2.0.0", "*").replace(">=1.0.0 & <2.0.0", "*"), false);
        String msg = refused("p");
        assertTrue(msg.contains("index.json") && msg.contains("does not verify"), msg);
    }

    @Test
    void unknownSigner() {
        lab.publish(lab.jar("p", "1.0.0"));
        Keys.SigningKey stranger = Keys.generate("stranger");
        lab.write("index.json.sig", DetachedSignature.sign(stranger, lab.read("index.json")).text().getBytes());
        String msg = refused("p");
        assertTrue(msg.contains("index.json") && msg.contains(stranger.publicKey().id())
                && msg.contains("not a trusted key"), msg);
    }

    @Test
    void untrustedSignerPosingAsATrustedOne() {
        lab.publish(lab.jar("p", "1.0.0"));
        Keys.SigningKey impostor = Keys.generate("lab-a");
        DetachedSignature forged = DetachedSignature.sign(impostor, lab.read("plugins/p/p-1.0.0.jar"));
        lab.write("plugins/p/p-1.0.0.jar.sig", new DetachedSignature(lab.key.publicKey().id(), forged.signature())
                .text().getBytes());
        String msg = refused("p");
        assertTrue(msg.contains("plugin p 1.0.0") && msg.contains("p-1.0.0.jar") && msg.contains("does not verify"),
                msg);
    }

    @Test
    void missingArchiveSignature() throws IOException {
        lab.publish(lab.jar("p", "1.0.0"));
        Files.delete(lab.repo.resolve("plugins/p/p-1.0.0.jar.sig"));
        String msg = refused("p");
        assertTrue(msg.contains("plugin p 1.0.0") && msg.contains("missing signature"), msg);
    }

    @Test
    void missingIndexSignature() throws IOException {
        lab.publish(lab.jar("p", "1.0.0"));
        Files.delete(lab.repo.resolve("index.json.sig"));
        String msg = refused("p");
        assertTrue(msg.contains("index.json") && msg.contains("missing signature"), msg);
    }

    @Test
    void hashMismatchInASignedIndex() {
        RepositoryIndex.PublishedVersion v = lab.publish(lab.jar("p", "1.0.0"));
        lab.editIndex(json -> json.replace(v.sha256(), "0".repeat(64)), true);
        String msg = refused("p");
        assertTrue(msg.contains("plugin p 1.0.0") && msg.contains("SHA-256 mismatch") && msg.contains("0".repeat(64)),
                msg);
    }

    @Test
    void truncatedDownload() throws IOException {
        lab.publish(lab.jar("p", "1.0.0"));
        Path archive = lab.repo.resolve("plugins/p/p-1.0.0.jar");
        byte[] bytes = Files.readAllBytes(archive);
        Files.write(archive, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        String msg = refused("p");
        assertTrue(msg.contains("plugin p 1.0.0") && msg.contains("truncated download")
                && msg.contains("of the " + bytes.length + " bytes"), msg);
    }

    @Test
    void archiveLargerThanTheIndexSays() throws IOException {
        lab.publish(lab.jar("p", "1.0.0"));
        Path archive = lab.repo.resolve("plugins/p/p-1.0.0.jar");
        Files.write(archive, new byte[1 << 20], java.nio.file.StandardOpenOption.APPEND);
        String msg = refused("p");
        assertTrue(msg.contains("plugin p 1.0.0") && msg.contains("larger than"), msg);
    }

    @Test
    void zipSlipEntry() {
        Path evil = tmp.resolve("evil.jar");
        LabRepository.zip(evil, List.of(new String[] {"META-INF/MANIFEST.MF",
                "Manifest-Version: 1.0\r\nPlugin-Id: evil\r\nPlugin-Version: 1.0.0\r\nPlugin-Requires: >=1.0.0\r\n\r\n"},
                new String[] {"../../outside.txt", "owned"}));
        assertThrows(ShareException.class, () -> lab.publish(evil), "the publisher refuses it too");
        lab.publishUnchecked("evil", "1.0.0", evil);
        String msg = refused("evil");
        assertTrue(msg.contains("plugin evil 1.0.0") && msg.contains("../../outside.txt") && msg.contains("zip-slip"),
                msg);
        assertFalse(Files.exists(lab.installer.root().resolve("outside.txt")));
    }

    @Test
    void pluginRequiringAnotherHostVersion() {
        lab.publish(lab.jar("future", "3.0.0", ">=2.0.0 & <3.0.0", "", 100));
        String msg = refused("future");
        assertTrue(msg.contains("plugin future") && msg.contains("3.0.0 requires plugin API >=2.0.0 & <3.0.0")
                && msg.contains("provides " + LabRepository.API), msg);
    }

    @Test
    void olderVersionIsChosenWhenTheNewestNeedsAnotherHost() {
        lab.publish(lab.jar("p", "1.0.0"));
        lab.publish(lab.jar("p", "2.0.0", ">=2.0.0", "", 100));
        assertEquals("1.0.0", lab.installerFor(List.of()).install(lab.source(), "p", Optional.empty()).get(0).version());
    }

    @Test
    void dependencyCycle() {
        lab.publish(lab.jar("a", "1.0.0", ">=1.0.0", "b", 100));
        lab.publish(lab.jar("b", "1.0.0", ">=1.0.0", "a", 100));
        String msg = refused("a");
        assertTrue(msg.contains("dependency cycle a -> b -> a"), msg);
    }

    @Test
    void twoPluginsWithTheSameIdInTheIndex() {
        lab.publish(lab.jar("p", "1.0.0"));
        lab.editIndex(json -> {
            int start = json.indexOf("    {\n      \"id\": \"p\"");
            int end = json.indexOf("\n    }", start) + 6;
            String entry = json.substring(start, end);
            return json.substring(0, end) + ",\n" + entry + json.substring(end);
        }, true);
        String msg = refused("p");
        assertTrue(msg.contains("index.json") && msg.contains("plugin 'p' is listed twice"), msg);
    }

    @Test
    void aPluginWhoseIdAnotherFolderProvides() {
        lab.publish(lab.jar("p", "1.0.0"));
        Path builtin = tmp.resolve("builtin");
        try {
            Files.createDirectories(builtin);
            Files.copy(lab.jar("p", "0.9.0"), builtin.resolve("p-0.9.0.jar"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ShareException e = assertThrows(ShareException.class,
                () -> lab.installerFor(List.of(builtin)).install(lab.source(), "p", Optional.empty()));
        assertTrue(e.getMessage().contains("plugin p") && e.getMessage().contains("p-0.9.0.jar")
                && e.getMessage().contains("same id"), e.getMessage());
        assertEquals(before, lab.installedSet());
    }

    @Test
    void aSecondInstallWhileOneIsRunningIsRefused() {
        lab.publish(lab.jar("p", "1.0.0"));
        try (InstallLock running = InstallLock.acquire(lab.installer)) {
            String msg = refused("p");
            assertTrue(msg.contains("another milab is installing"), msg);
        }
        lab.installerFor(List.of()).install(lab.source(), "p", Optional.empty());
    }

    @Test
    void aStaleDownloadFromAKilledInstallIsRemovedByTheNext() throws IOException {
        Files.createDirectories(lab.installer.downloads());
        Files.write(lab.installer.downloads().resolve("download-123-p-1.0.0.jar"), new byte[10]);
        lab.publish(lab.jar("p", "1.0.0"));
        lab.installerFor(List.of()).install(lab.source(), "p", Optional.empty());
        assertTrue(listDownloads().isEmpty());
    }
}
