package org.milab.platform.share;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code milab plugins publish}: adds a packed plugin archive to a lab repository folder. The archive goes to
 * {@code plugins/ID/ID-VERSION.EXT} with its detached signature beside it; the index gains (or keeps) that
 * version's record and is re-signed. The existing index is accepted only if its signature verifies with a key this
 * lab trusts, so publishing never signs over someone else's tampering. A version once published cannot be
 * replaced by different bytes: publish a new version instead. Every file is written by atomic rename.
 */
public final class Publisher {

    private final KeyRing trusted;
    private final ExtensionDescriber describer;

    /**
     * @param trusted   the keys an existing index must be signed with
     * @param describer says what the archive contains
     */
    public Publisher(KeyRing trusted, ExtensionDescriber describer) {
        this.trusted = trusted;
        this.describer = describer;
    }

    /** Publishes {@code archive} into the repository folder {@code repo}, signed with {@code key}. */
    public RepositoryIndex.PublishedVersion publish(Path archive, Path repo, Keys.SigningKey key) {
        requireArchive(archive);
        PluginMetadata meta = PluginMetadata.read(archive);
        String file = repositoryFile(archive, meta);
        RepositoryIndex index = existingIndex(repo);
        String sha = Sha256.of(archive);
        requireNotPublishedOtherwise(index, meta, sha, archive, repo);
        ExtensionDescriber.Contents contents = describer.describe(archive, meta);
        RepositoryIndex.PublishedVersion v = new RepositoryIndex.PublishedVersion(meta.version(), meta.requires(),
                meta.dependencies(), file, sha, PluginPacker.size(archive), key.publicKey().id(),
                contents.extensions(), contents.citations());
        writeSigned(repo, file, DetachedSignature.read(archive), key);
        writeSigned(repo, RepositoryIndex.FILE, index.with(meta, v).toJson(), key);
        return v;
    }

    private static void requireArchive(Path archive) {
        if (!Files.isRegularFile(archive)) {
            throw ShareException.of(archive, "no such plugin archive (make one with 'milab plugins pack')");
        }
        ArchiveCheck.checkEntries(archive, archive.toString());
    }

    /** Where the archive goes in the repository: {@code plugins/ID/ID-VERSION.EXT}, checked to be a safe path. */
    private static String repositoryFile(Path archive, PluginMetadata meta) {
        String name = archive.getFileName().toString();
        String ext = name.endsWith(".zip") ? ".zip" : ".jar";
        String file = "plugins/" + meta.id() + "/" + meta.id() + "-" + meta.version() + ext;
        if (!RepositoryPaths.isSafe(file)) {
            throw ShareException.of(archive, "plugin id '" + meta.id() + "' or version '" + meta.version()
                    + "' cannot name a file; use letters, digits, '.', '_', '+' and '-'");
        }
        return file;
    }

    /** A version once published may be published again only with the same bytes. */
    private static void requireNotPublishedOtherwise(RepositoryIndex index, PluginMetadata meta, String sha,
            Path archive, Path repo) {
        Optional<RepositoryIndex.PublishedVersion> same = index.plugin(meta.id()).flatMap(p -> p.versions().stream()
                .filter(v -> v.version().equals(meta.version())).findFirst());
        if (same.isPresent() && !same.get().sha256().equals(sha)) {
            throw ShareException.of("plugin " + meta.label() + " (" + archive + ")", "this version is already "
                    + "published in " + repo + " with other contents (sha256 " + same.get().sha256().substring(0, 12)
                    + "); give the new build a new Plugin-Version");
        }
    }

    /** Writes {@code bytes} to {@code file} in the repository, then its detached signature beside it. */
    private static void writeSigned(Path repo, String file, byte[] bytes, Keys.SigningKey key) {
        AtomicFiles.write(repo.resolve(file), bytes);
        AtomicFiles.writeString(repo.resolve(DetachedSignature.fileName(file)), DetachedSignature.sign(key, bytes).text());
    }

    private RepositoryIndex existingIndex(Path repo) {
        if (!Files.isRegularFile(repo.resolve(RepositoryIndex.FILE))) {
            return RepositoryIndex.empty();
        }
        return SignedIndex.fetch(new RepositorySource.Folder(repo), trusted);
    }
}
