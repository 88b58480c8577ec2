package org.milab.platform.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milab.platform.report.FakeRun;
import org.milab.platform.report.FolderRunCatalog;

class UiServerTest {

    @TempDir
    Path tmp;
    private final HttpClient http = HttpClient.newHttpClient();
    private Path alpha;

    @BeforeEach
    void runs() {
        alpha = FakeRun.write(tmp, "alpha", "20260101-000001-aaaaaa", "ok", 3, 1.0);
        FakeRun.write(tmp, "beta", "20260101-000002-bbbbbb", "ok", 5, 1.2);
        FakeRun.running(tmp, "gamma", "20260101-000003-cccccc", 10, 100);
    }

    private UiServer server(boolean writes) {
        return UiServer.start(new FolderRunCatalog(tmp), new InetSocketAddress("127.0.0.1", 0), writes);
    }

    private HttpResponse<String> get(UiServer s, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(s.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(UiServer s, String path, boolean header) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(s.uri().resolve(path)).POST(HttpRequest.BodyPublishers.noBody());
        if (header) {
            b.header("X-Milab-Write", "1");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pagesFilterAndProgressAreServed() throws IOException, InterruptedException {
        try (UiServer s = server(false)) {
            assertEquals("127.0.0.1", s.uri().getHost());
            HttpResponse<String> list = get(s, "/?experiment=alp");
            assertEquals(200, list.statusCode());
            assertTrue(list.body().contains("20260101-000001-aaaaaa") && !list.body().contains("20260101-000002-bbbbbb"));
            assertTrue(list.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
            assertTrue(get(s, "/run/20260101-000002-bbbbbb").body().contains("<svg class=\"graph\""));
            String progress = get(s, "/api/progress").body();
            assertTrue(progress.contains("\"id\":\"20260101-000003-cccccc\"") && progress.contains("\"done\":10"),
                    progress);
            assertFalse(progress.contains("aaaaaa"), "finished runs are not in progress");
            assertTrue(get(s, "/api/runs?param=ksg.k%3D5").body().contains("bbbbbb"));
            assertEquals(200, get(s, "/compare?id=20260101-000001-aaaaaa&id=20260101-000002-bbbbbb").statusCode());
            assertEquals(400, get(s, "/compare?id=20260101-000001-aaaaaa").statusCode());
            assertEquals(404, get(s, "/run/..%2F..%2Fetc").statusCode());
            assertEquals(404, get(s, "/nothing").statusCode());
        }
    }

    @Test
    void nothingIsWrittenWithoutAllowWrites() throws IOException, InterruptedException {
        try (UiServer s = server(false)) {
            assertEquals(403, post(s, "/api/report?id=20260101-000001-aaaaaa", true).statusCode());
            assertEquals(405, post(s, "/", true).statusCode());
            assertFalse(Files.exists(alpha.resolve("report.html")));
        }
        try (UiServer s = server(true)) {
            assertEquals(403, post(s, "/api/report?id=20260101-000001-aaaaaa", false).statusCode(),
                    "without the header another site's form could write");
            assertFalse(Files.exists(alpha.resolve("report.html")));
            assertEquals(200, post(s, "/api/report?id=20260101-000001-aaaaaa", true).statusCode());
            assertTrue(Files.exists(alpha.resolve("report.html")));
        }
    }
}
