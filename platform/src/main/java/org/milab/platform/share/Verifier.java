package org.milab.platform.share;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Re-checks installed plugins: the file in {@code plugins/} still has the SHA-256 it was installed with, its
 * signature still verifies with a key trusted now, and (when the repository can be reached) the repository's
 * signed index still lists that version with that hash.
 */
public final class Verifier {

    /** The outcome for one plugin. */
    public record Verdict(String id, String version, boolean ok, String origin, String signer, String detail) {
    }

    private final ShareHome home;

    /** @param home the milab home whose installed plugins are checked */
    public Verifier(ShareHome home) {
        this.home = home;
    }

    /** Checks every plugin milab installed here; {@code repository} overrides the recorded ones. */
    public List<Verdict> verifyAll(Optional<RepositorySource> repository) {
        List<Verdict> out = new ArrayList<>();
        for (InstallRecord r : InstallRecord.all(home)) {
            out.add(verify(r, repository, true));
        }
        return out;
    }

    /** Plugins in {@code plugins/} that milab did not install (no record): they cannot be verified. */
    public List<Path> unrecorded() {
        java.util.Set<String> recorded = new java.util.HashSet<>();
        InstallRecord.all(home).forEach(r -> recorded.add(r.file()));
        return InstalledPlugins.scan(List.of(home.plugins())).all().stream().map(InstalledPlugins.Present::path)
                .filter(p -> !recorded.contains(p.getFileName().toString())).toList();
    }

    /** Checks one installed plugin without the repository (for listings). */
    public Optional<Verdict> verifyLocally(Path pluginFile) {
        Path file = pluginFile.toAbsolutePath().normalize();
        return InstallRecord.all(home).stream()
                .filter(r -> home.plugins().resolve(r.file()).toAbsolutePath().normalize().equals(file))
                .findFirst().map(r -> verify(r, Optional.empty(), false));
    }

    private Verdict verify(InstallRecord r, Optional<RepositorySource> repository, boolean online) {
        Path file = home.plugins().resolve(r.file());
        String signer = r.signer() + " (" + r.signerId() + ")";
        try {
            requireUnchanged(file, r);
            Keys.NamedPublicKey key = DetachedSignature.parse(r.signature(), file + ".sig")
                    .verify(DetachedSignature.read(file), home.keys(), file.toString());
            signer = key.name() + " (" + key.id() + ")";
            String detail = online ? againstRepository(r, repository) : "hash and signature verify";
            return new Verdict(r.id(), r.version(), true, r.repository(), signer, detail);
        } catch (ShareException e) {
            return new Verdict(r.id(), r.version(), false, r.repository(), signer, e.getMessage());
        }
    }

    /** The installed file is there, with the hash it had when it was installed. */
    private static void requireUnchanged(Path file, InstallRecord r) {
        if (!Files.isRegularFile(file)) {
            throw ShareException.of(file, "is missing (removed by hand?)");
        }
        String sha = Sha256.of(file);
        if (!sha.equals(r.sha256())) {
            throw ShareException.of(file, "changed since it was installed: sha256 " + sha.substring(0, 12)
                    + ", installed " + r.sha256().substring(0, 12));
        }
    }

    private String againstRepository(InstallRecord r, Optional<RepositorySource> repository) {
        RepositorySource source;
        RepositoryIndex index;
        try {
            source = repository.orElseGet(() -> RepositorySource.of(r.repository()));
            index = SignedIndex.fetch(source, home.keys());
        } catch (ShareException e) {
            if (e.getMessage().contains("does not verify") || e.getMessage().contains("not a trusted key")) {
                throw e;
            }
            return "hash and signature verify; the repository could not be checked (" + e.getMessage() + ")";
        }
        requireListed(r, index, source);
        return "hash and signature verify, and match the repository's signed index";
    }

    /** The repository still lists the installed version, with the installed hash. */
    private static void requireListed(InstallRecord r, RepositoryIndex index, RepositorySource source) {
        RepositoryIndex.PublishedVersion v = index.plugin(r.id()).flatMap(p -> p.versions().stream()
                .filter(x -> x.version().equals(r.version())).findFirst()).orElseThrow(() -> ShareException.of(
                "plugin " + r.id() + " " + r.version(), "the repository " + source.location()
                        + " no longer lists this version"));
        if (!v.sha256().equals(r.sha256())) {
            throw ShareException.of("plugin " + r.id() + " " + r.version(), "the repository " + source.location()
                    + " lists sha256 " + v.sha256().substring(0, 12) + ", the installed file is "
                    + r.sha256().substring(0, 12));
        }
    }
}
