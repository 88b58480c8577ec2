package org.milab.platform.share;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks a downloaded archive's contents before it may be installed: every entry name stays inside the folder PF4J
 * unpacks it into (no zip-slip: no {@code ../}, no absolute path), and its descriptor is the plugin and version
 * the signed index lists it as.
 */
final class ArchiveCheck {

    private ArchiveCheck() {
    }

    /** Checks {@code archive} against its index record; {@code what} names it in errors. */
    static PluginMetadata check(Path archive, String id, RepositoryIndex.PublishedVersion v, String what) {
        checkEntries(archive, what);
        PluginMetadata meta;
        try {
            meta = PluginMetadata.read(archive);
        } catch (ShareException e) {
            throw ShareException.of(what, "the archive has no readable plugin descriptor");
        }
        if (!meta.id().equals(id) || !meta.version().equals(v.version())) {
            throw ShareException.of(what, "the archive is plugin " + meta.label() + ", but the index lists it as "
                    + id + " " + v.version() + " (tampered index)");
        }
        return meta;
    }

    /** Refuses an archive with an entry that would be written outside its folder. */
    static void checkEntries(Path archive, String what) {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (!RepositoryPaths.isSafeEntry(name)) {
                    throw ShareException.of(what, "entry '" + name + "' would be unpacked outside the plugin's "
                            + "folder (zip-slip); refused");
                }
            }
        } catch (IOException e) {
            throw ShareException.of(what, "not a valid jar or zip (" + e.getMessage() + ")");
        }
    }
}
