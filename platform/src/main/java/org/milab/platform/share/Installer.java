package org.milab.platform.share;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Installs plugins from a lab repository into a milab home, all or nothing. First every archive the
 * {@link Resolver} chose is downloaded into {@code downloads/} and checked (size, SHA-256 against the signed index,
 * its own signature against a trusted key, entry names, descriptor); only when all pass is each moved into
 * {@code plugins/} with one atomic rename, dependencies first, replacing any older version of it. A process
 * killed at any point leaves {@code plugins/} as it was or with whole, verified archives only; leftover
 * temporary files are deleted by the next install.
 */
public final class Installer {

    /** One installed (or already present) plugin, for the report. */
    public record Outcome(String id, String version, Path file, boolean changed, String signer) {
    }

    private final ShareHome home;
    private final List<Path> otherFolders;
    private final String hostApi;

    /**
     * @param home         the milab home to install into
     * @param otherFolders the host's other plugin folders (built-in, configured), where a plugin of the same id
     *                     would collide with one installed here
     * @param hostApi      this host's plugin API version
     */
    public Installer(ShareHome home, List<Path> otherFolders, String hostApi) {
        this.home = home;
        this.otherFolders = otherFolders.stream().map(p -> p.toAbsolutePath().normalize())
                .filter(p -> !p.equals(home.plugins().toAbsolutePath().normalize())).toList();
        this.hostApi = hostApi;
    }

    /** Installs {@code id} (at {@code version}, else the newest that fits) and whatever it needs. */
    public List<Outcome> install(RepositorySource source, String id, Optional<String> version) {
        try (InstallLock lock = InstallLock.acquire(home)) {
            return installLocked(source, id, version);
        }
    }

    private List<Outcome> installLocked(RepositorySource source, String id, Optional<String> version) {
        removeStaleDownloads();
        RepositoryIndex index = SignedIndex.fetch(source, home.keys());
        List<Resolver.Choice> plan = new Resolver(index, hostApi, installedExcept(id)).resolve(id, version);
        plan.forEach(c -> refuseDuplicate(c.id()));
        List<Staged> staged = new ArrayList<>();
        try {
            stageMissing(source, plan, staged);
            return commitAll(source, plan, staged);
        } finally {
            staged.forEach(s -> Download.deleteQuietly(s.file()));
        }
    }

    /** Downloads and checks each planned plugin not installed already, adding it to {@code staged}. */
    private void stageMissing(RepositorySource source, List<Resolver.Choice> plan, List<Staged> staged) {
        for (Resolver.Choice c : plan) {
            if (!alreadyInstalled(c)) {
                staged.add(stage(source, c));
            }
        }
    }

    /** Moves each staged archive into place, in plan order; the others were installed already. */
    private List<Outcome> commitAll(RepositorySource source, List<Resolver.Choice> plan, List<Staged> staged) {
        List<Outcome> out = new ArrayList<>();
        for (Resolver.Choice c : plan) {
            Optional<Staged> s = staged.stream().filter(x -> x.choice() == c).findFirst();
            out.add(s.isPresent() ? commit(s.get(), source)
                    : new Outcome(c.id(), c.version().version(), target(c), false, c.version().signer()));
        }
        return out;
    }

    /** Removes plugin {@code id} from this home (its archive, unpacked folder and record). */
    public Path remove(String id) {
        try (InstallLock lock = InstallLock.acquire(home)) {
            return removeLocked(id);
        }
    }

    private Path removeLocked(String id) {
        InstalledPlugins here = InstalledPlugins.scan(List.of(home.plugins()));
        List<InstalledPlugins.Present> mine = here.withId(id);
        if (mine.isEmpty()) {
            throw notInstalled(id);
        }
        requireNoDependents(here, id);
        for (InstalledPlugins.Present p : mine) {
            AtomicFiles.deleteTree(p.path());
            unpackedFolder(p.path()).ifPresent(AtomicFiles::deleteTree);
        }
        InstallRecord.delete(home, id);
        return mine.get(0).path();
    }

    private ShareException notInstalled(String id) {
        return ShareException.of("plugin " + id, "is not installed in " + home.plugins()
                + (InstalledPlugins.scan(otherFolders).withId(id).isEmpty() ? "" : " (it is a built-in or "
                + "configured plugin, which milab does not remove)"));
    }

    private static void requireNoDependents(InstalledPlugins here, String id) {
        for (InstalledPlugins.Present p : here.all()) {
            boolean needs = p.metadata().dependencies().stream().anyMatch(d -> d.id().equals(id) && !d.optional());
            if (needs && !p.metadata().id().equals(id)) {
                throw ShareException.of("plugin " + id, "plugin " + p.metadata().label() + " depends on it; remove "
                        + "that first");
            }
        }
    }

    private Map<String, String> installedExcept(String id) {
        List<Path> folders = new ArrayList<>(otherFolders);
        folders.add(home.plugins());
        Map<String, String> v = new LinkedHashMap<>(InstalledPlugins.scan(folders).versions());
        v.remove(id);
        return v;
    }

    private void refuseDuplicate(String id) {
        List<InstalledPlugins.Present> elsewhere = InstalledPlugins.scan(otherFolders).withId(id);
        if (!elsewhere.isEmpty()) {
            throw ShareException.of("plugin " + id, "a plugin with this id is already provided by "
                    + elsewhere.get(0).path() + "; two plugins with the same id cannot load together");
        }
    }

    private boolean alreadyInstalled(Resolver.Choice c) {
        Path t = target(c);
        return Files.isRegularFile(t) && Sha256.of(t).equals(c.version().sha256())
                && InstallRecord.read(home, c.id()).isPresent();
    }

    private Path target(Resolver.Choice c) {
        String file = c.version().file();
        return home.plugins().resolve(c.id() + file.substring(file.lastIndexOf('.')));
    }

    /** A downloaded, fully checked archive waiting to be moved into place. */
    private record Staged(Resolver.Choice choice, Path file, DetachedSignature signature, Keys.NamedPublicKey signer) {
    }

    private Staged stage(RepositorySource source, Resolver.Choice c) {
        RepositoryIndex.PublishedVersion v = c.version();
        String what = "plugin " + c.label() + " (" + source.location() + "/" + v.file() + ")";
        DetachedSignature sig = SignedIndex.signature(source, v.file(), what);
        Path tmp = Download.fetch(source, v.file(), v.size(), v.sha256(), home.downloads(), "plugin " + c.label());
        try {
            Keys.NamedPublicKey signer = sig.verify(DetachedSignature.read(tmp), home.keys(), what);
            requireLoadable(ArchiveCheck.check(tmp, c.id(), v, what), what);
            return new Staged(c, tmp, sig, signer);
        } catch (RuntimeException e) {
            Download.deleteQuietly(tmp);
            throw e;
        }
    }

    private void requireLoadable(PluginMetadata meta, String what) {
        if (!Resolver.accepts(hostApi, meta.requires())) {
            throw ShareException.of(what, "requires plugin API " + meta.requires() + ", this milab provides "
                    + hostApi);
        }
    }

    private Outcome commit(Staged s, RepositorySource source) {
        Resolver.Choice c = s.choice();
        Path target = target(c);
        moveIntoPlace(s.file(), target);
        removeOtherCopies(c.id(), target);
        new InstallRecord(c.id(), c.version().version(), target.getFileName().toString(), c.version().sha256(),
                c.version().size(), source.location(), s.signer().name(), s.signature().text()).write(home);
        return new Outcome(c.id(), c.version().version(), target, true,
                s.signer().name() + " (" + s.signer().id() + ")");
    }

    private void moveIntoPlace(Path file, Path target) {
        try {
            Files.createDirectories(home.plugins());
            AtomicFiles.move(file, target);
        } catch (IOException e) {
            throw ShareException.of(target, "cannot be written: " + e.getMessage());
        }
    }

    /** Deletes the other installed copies of plugin {@code id}, and what PF4J unpacked of {@code target}. */
    private void removeOtherCopies(String id, Path target) {
        for (InstalledPlugins.Present old : InstalledPlugins.scan(List.of(home.plugins())).withId(id)) {
            if (!old.path().equals(target.toAbsolutePath().normalize())) {
                AtomicFiles.deleteTree(old.path());
            }
        }
        unpackedFolder(target).ifPresent(AtomicFiles::deleteTree);
    }

    /** The folder PF4J unpacks {@code x.zip} into (a jar is not unpacked). */
    private static Optional<Path> unpackedFolder(Path archive) {
        String name = archive.getFileName().toString();
        return name.endsWith(".zip") ? Optional.of(archive.resolveSibling(name.substring(0, name.length() - 4)))
                : Optional.empty();
    }

    private void removeStaleDownloads() {
        if (!Files.isDirectory(home.downloads())) {
            return;
        }
        try (Stream<Path> s = Files.list(home.downloads())) {
            s.filter(p -> p.getFileName().toString().startsWith("download-")).forEach(Download::deleteQuietly);
        } catch (IOException e) {
            throw ShareException.of(home.downloads(), "cannot be read: " + e.getMessage());
        }
    }
}
