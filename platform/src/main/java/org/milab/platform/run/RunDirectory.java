package org.milab.platform.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.random.RandomGenerator;
import org.milab.api.ConfigurationException;

/**
 * The folder of one run: {@code <runs>/<experiment>/<yyyyMMdd-HHmmss>-<6 hex>/}. Files are written atomically
 * (to a temporary name, then moved), so a reader never sees a half-written file.
 *
 * @param path the folder
 */
public record RunDirectory(Path path) {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** Creates a new run folder below {@code runsRoot}. */
    public static RunDirectory create(Path runsRoot, String experiment) {
        byte[] id = new byte[3];
        RandomGenerator.getDefault().nextBytes(id);
        Path dir = experimentFolder(runsRoot, experiment).resolve(LocalDateTime.now().format(STAMP) + "-" + HexFormat.of().formatHex(id));
        try {
            return new RunDirectory(Files.createDirectories(dir));
        } catch (IOException e) {
            throw new ConfigurationException(runsRoot.toString(), "cannot create a run folder there ("
                    + reason(e) + "); runs go to a writable folder: choose one with --runs-dir DIR");
        }
    }

    /** The folder holding every run folder of {@code experiment} below {@code runsRoot}. */
    public static Path experimentFolder(Path runsRoot, String experiment) {
        return runsRoot.resolve(experiment.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return "permission denied on " + a.getFile();
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException f) {
            return f.getFile() + " exists and is not a folder";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getFile() + ": " + f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Writes {@code text} to {@code name} inside the folder, atomically. */
    public Path write(String name, String text) {
        return writeBytes(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes {@code bytes} to {@code name} inside the folder, atomically.
     *
     * @throws IllegalArgumentException when {@code name} leads outside the folder
     */
    public Path writeBytes(String name, byte[] bytes) {
        Path target = path.resolve(name).normalize();
        if (!target.startsWith(path.normalize())) {
            throw new IllegalArgumentException(name + " is outside the run folder " + path);
        }
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".tmp-", "");
            Files.write(tmp, bytes);
            return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
