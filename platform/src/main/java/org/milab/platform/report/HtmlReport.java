package org.milab.platform.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a run folder's {@code report.html} (see {@link ReportPage}), atomically: a reader never sees half a file. */
public final class HtmlReport {

    /** The report's file name inside a run folder. */
    public static final String FILE = "report.html";

    private HtmlReport() {
    }

    /** Renders {@code runFolder} and writes its {@code report.html}; returns the file. */
    public static Path writeInto(Path runFolder) {
        return write(RunData.read(runFolder), runFolder.resolve(FILE));
    }

    /** Renders {@code run} into {@code target}. */
    public static Path write(RunData run, Path target) {
        String html = ReportPage.render(run);
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".tmp-report-", ".html");
            Files.writeString(tmp, html, StandardCharsets.UTF_8);
            return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
