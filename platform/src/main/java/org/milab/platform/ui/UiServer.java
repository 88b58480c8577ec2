package org.milab.platform.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.milab.platform.report.RunCatalog;

/**
 * The local web UI over a {@link RunCatalog}, served by the JDK's own HTTP server ({@code jdk.httpserver}: no
 * library to ship, patched with the JDK). Pages: the runs list with filters ({@code /}), one run
 * ({@code /run/ID}, the report's sections), a comparison of 2-5 runs ({@code /compare?id=..}), and JSON for live
 * progress ({@code /api/progress}) and the list ({@code /api/runs}). Read-only unless writes were allowed: the one
 * write, re-rendering a run's {@code report.html} ({@code POST /api/report?id=..}), also needs the
 * {@code X-Milab-Write} header, which a page of another site cannot send, so other sites cannot trigger it.
 */
public final class UiServer implements AutoCloseable {

    /** Content Security Policy: nothing is loaded from anywhere; only inline style and script, and our own JSON. */
    static final String CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
            + "script-src 'unsafe-inline'; connect-src 'self'; form-action 'self'; base-uri 'none'";

    private final HttpServer server;
    private final ExecutorService pool;

    private UiServer(HttpServer server, ExecutorService pool) {
        this.server = server;
        this.pool = pool;
    }

    /**
     * Starts serving {@code catalog} on {@code address} (port 0 picks a free port).
     *
     * @param allowWrites whether write actions are enabled
     */
    public static UiServer start(RunCatalog catalog, InetSocketAddress address, boolean allowWrites) {
        try {
            HttpServer server = HttpServer.create(address, 0);
            ExecutorService pool = newPool();
            server.setExecutor(pool);
            Pages pages = new Pages(catalog, allowWrites);
            server.createContext("/", ex -> serve(ex, pages));
            server.start();
            return new UiServer(server, pool);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
    }

    private static ExecutorService newPool() {
        return Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "milab-ui");
            t.setDaemon(true);
            return t;
        });
    }

    /** The address served, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void serve(HttpExchange ex, Pages pages) throws IOException {
        try (ex) {
            Response r = respond(ex, pages);
            byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
            setHeaders(ex, r.type());
            boolean head = ex.getRequestMethod().equals("HEAD");
            ex.sendResponseHeaders(r.status(), head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** The content type, and no caching, sniffing or outside scripts. */
    private static void setHeaders(HttpExchange ex, String type) {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().set("Content-Security-Policy", CSP);
    }

    /** The page's response, or a 500 with the error's message. */
    private static Response respond(HttpExchange ex, Pages pages) {
        try {
            return pages.respond(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                    query(ex.getRequestURI().getRawQuery()), ex.getRequestHeaders().getFirst("X-Milab-Write"));
        } catch (RuntimeException e) {
            return Response.text(500, "internal error: " + e.getMessage());
        }
    }

    /** A query string as name to values, percent-decoded. */
    static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return q;
    }

    /**
     * One response.
     *
     * @param status HTTP status
     * @param type content type
     * @param body the body
     */
    record Response(int status, String type, String body) {
        static Response html(String body) {
            return new Response(200, "text/html; charset=utf-8", body);
        }

        static Response json(int status, String body) {
            return new Response(status, "application/json; charset=utf-8", body);
        }

        static Response text(int status, String body) {
            return new Response(status, "text/plain; charset=utf-8", body);
        }
    }
}
