package org.milab.platform.share;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where a lab repository is read from: a folder (local or a network drive) or an HTTP(S) URL serving that folder.
 * Only the repository's own relative paths are ever opened ({@link RepositoryPaths#isSafe}).
 */
public interface RepositorySource {

    /** The folder or URL, as the user gave it. */
    String location();

    /**
     * Opens a file of the repository.
     *
     * @throws NoSuchFileException when the repository has no such file
     */
    InputStream open(String path) throws IOException;

    /** A folder, or an {@code http://} / {@code https://} / {@code file:} URL. */
    static RepositorySource of(String spec) {
        if (spec.startsWith("http://") || spec.startsWith("https://")) {
            return new Http(URI.create(spec.endsWith("/") ? spec : spec + "/"));
        }
        Path dir = spec.startsWith("file:") ? Path.of(URI.create(spec)) : Path.of(spec);
        if (!Files.isDirectory(dir)) {
            throw ShareException.of("--repo " + spec, "no such folder, and not an http(s) URL");
        }
        return new Folder(dir);
    }

    /** Reads a small file whole, refusing more than {@code maxBytes}. */
    default byte[] readAll(String path, int maxBytes) throws IOException {
        try (InputStream in = open(path)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new IOException(path + " is larger than " + maxBytes + " bytes");
            }
            return bytes;
        }
    }

    /** A repository folder. */
    record Folder(Path root) implements RepositorySource {
        @Override
        public String location() {
            return root.toAbsolutePath().normalize().toString();
        }

        @Override
        public InputStream open(String path) throws IOException {
            if (!RepositoryPaths.isSafe(path)) {
                throw new NoSuchFileException(path);
            }
            return Files.newInputStream(root.resolve(path));
        }
    }

    /** A repository served over HTTP(S). */
    record Http(URI base) implements RepositorySource {
        private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        @Override
        public String location() {
            return base.toString();
        }

        @Override
        public InputStream open(String path) throws IOException {
            if (!RepositoryPaths.isSafe(path)) {
                throw new NoSuchFileException(path);
            }
            URI uri = base.resolve(path);
            HttpResponse<InputStream> r = get(uri);
            if (r.statusCode() != 200) {
                r.body().close();
                throw failed(r.statusCode(), uri);
            }
            return r.body();
        }

        /** A missing file for 404 and 410, else an HTTP error. */
        private static IOException failed(int status, URI uri) {
            return status == 404 || status == 410 ? new NoSuchFileException(uri.toString())
                    : new IOException("HTTP " + status + " for " + uri);
        }

        private static HttpResponse<InputStream> get(URI uri) throws IOException {
            try {
                return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while fetching " + uri, e);
            }
        }
    }
}
