package org.milab.platform.share;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What milab knows about a plugin it installed, in {@code installed/ID.json}: the repository it came from, the
 * file in {@code plugins/}, its SHA-256 and size, and the archive's detached signature with its signer, so the
 * plugin can be re-verified later without the repository.
 *
 * @param id         Plugin-Id
 * @param version    Plugin-Version
 * @param file       the archive's file name in {@code plugins/}
 * @param sha256     the archive's SHA-256
 * @param size       the archive's size in bytes
 * @param repository the repository (folder or URL) it was installed from
 * @param signer     the signing key's name
 * @param signature  the archive's detached signature ({@link DetachedSignature#text()})
 */
public record InstallRecord(String id, String version, String file, String sha256, long size, String repository,
                            String signer, String signature) {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** The signer's key id. */
    public String signerId() {
        return DetachedSignature.parse(signature, "install record of " + id).keyId();
    }

    /** Writes {@code home/installed/ID.json} atomically. */
    public void write(ShareHome home) {
        AtomicFiles.writeString(home.records().resolve(id + ".json"), GSON.toJson(this) + "\n");
    }

    /** The record of plugin {@code id}, if milab installed it. */
    public static Optional<InstallRecord> read(ShareHome home, String id) {
        Path f = home.records().resolve(id + ".json");
        return Files.isRegularFile(f) ? Optional.of(parse(f)) : Optional.empty();
    }

    /** Every install record, by id. */
    public static List<InstallRecord> all(ShareHome home) {
        if (!Files.isDirectory(home.records())) {
            return List.of();
        }
        List<InstallRecord> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(home.records())) {
            for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                out.add(parse(f));
            }
        } catch (IOException e) {
            throw ShareException.of(home.records(), "cannot be read: " + e.getMessage());
        }
        return out;
    }

    /** Deletes the record of {@code id}. */
    static void delete(ShareHome home, String id) {
        AtomicFiles.deleteTree(home.records().resolve(id + ".json"));
    }

    private static InstallRecord parse(Path f) {
        try {
            InstallRecord r = GSON.fromJson(Files.readString(f), InstallRecord.class);
            if (r == null || r.id() == null || r.file() == null || r.sha256() == null || r.signature() == null) {
                throw ShareException.of(f, "an incomplete install record");
            }
            return r;
        } catch (IOException | JsonParseException e) {
            throw ShareException.of(f, "not a readable install record (" + e.getMessage() + ")");
        }
    }
}
