package org.milab.platform.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository folder served over HTTP by the JDK's own server on 127.0.0.1, and an install killed with
 * SIGKILL while the archive is still arriving: a child JVM runs {@code milab plugins install}, the server sends half
 * the archive and stalls, the test kills the child and checks that the installed set is unchanged.
 */
class HttpRepositoryTest {

    @TempDir
    Path tmp;

    LabRepository lab;
    HttpServer server;
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean stall;

    @BeforeEach
    void serve() throws IOException {
        lab = new LabRepository(tmp);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private void handle(HttpExchange ex) throws IOException {
        Path file = lab.repo.resolve(ex.getRequestURI().getPath().substring(1)).normalize();
        if (!file.startsWith(lab.repo) || !Files.isRegularFile(file)) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            if (stall && file.toString().endsWith(".jar")) {
                out.write(bytes, 0, bytes.length / 2);
                out.flush();
                release.await(60, TimeUnit.SECONDS);
                return;
            }
            out.write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void installsOverHttp() {
        lab.publish(lab.jar("p", "1.0.0"));
        List<Installer.Outcome> out = lab.installerFor(List.of()).install(RepositorySource.of(url()), "p",
                Optional.empty());
        assertEquals("1.0.0", out.get(0).version());
        assertEquals(url(), InstallRecord.read(lab.installer, "p").orElseThrow().repository());
        assertTrue(new Verifier(lab.installer).verifyAll(Optional.empty()).get(0).ok());
    }

    @Test
    void aMissingPluginOverHttpIsAOneLineError() {
        lab.publish(lab.jar("p", "1.0.0"));
        ShareException e = assertThrows(ShareException.class, () -> lab.installerFor(List.of())
                .install(RepositorySource.of(url()), "nope", Optional.empty()));
        assertTrue(e.getMessage().contains("plugin nope: the repository has no such plugin"), e.getMessage());
    }

    @Test
    void killingTheInstallMidDownloadLeavesTheInstalledSetUnchanged() throws Exception {
        lab.publish(lab.jar("p", "1.0.0"));
        lab.installerFor(List.of()).install(RepositorySource.of(url()), "p", Optional.empty());
        lab.publish(lab.jar("p", "2.0.0", ">=1.0.0", "", 2 << 20));
        List<String> before = lab.installedSet();
        stall = true;
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dmilab.home=" + lab.installer.root(),
                "-Dmilab.plugins=" + tmp.resolve("no-builtins"), "org.milab.platform.cli.Main",
                "plugins", "install", "p", "--repo", url())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        try {
            Path part = awaitPartialDownload(child);
            assertTrue(Files.size(part) > 0, "the child was killed mid-download");
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup, like kill -9
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertFalse(child.isAlive());
        assertEquals(before, lab.installedSet(), "plugins/ and installed/ are as they were");
        assertEquals("1.0.0", PluginMetadata.read(lab.installer.plugins().resolve("p.jar")).version());
        stall = false;
        release.countDown();
        lab.installerFor(List.of()).install(RepositorySource.of(url()), "p", Optional.empty());
        assertEquals("2.0.0", PluginMetadata.read(lab.installer.plugins().resolve("p.jar")).version());
        try (var s = Files.list(lab.installer.downloads())) {
            assertEquals(0, s.filter(p -> !p.getFileName().toString().equals(".lock")).count(),
                    "the killed install's temporary file was removed");
        }
    }

    /** Waits (bounded) until the child has written part of the archive to its temporary file. */
    private Path awaitPartialDownload(Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (Files.isDirectory(lab.installer.downloads())) {
                try (var s = Files.list(lab.installer.downloads())) {
                    Optional<Path> part = s.filter(p -> p.getFileName().toString().startsWith("download-"))
                            .filter(p -> p.toFile().length() > 0).findFirst();
                    if (part.isPresent()) {
                        return part.get();
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the child install never started downloading: "
                + Files.readString(tmp.resolve("child.log")));
    }
}
