package org.milab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milab.platform.run.Json;
import org.milab.platform.testing.Cli;

/** {@code milab run} leaves a report and a final progress file; {@code milab report} rewrites it by folder or id. */
class ReportCommandTest {

    @TempDir
    Path tmp;

    @Test
    void everyRunWritesItsReportAndReportRewritesItById() throws IOException {
        Path runs = tmp.resolve("runs");
        Cli.Result r = Cli.run(tmp, "run", Cli.repo().resolve("experiments/quickstart.yaml").toString(),
                "--runs-dir", runs.toString(), "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err(), "--quiet prints no progress");
        Path run;
        try (Stream<Path> s = Files.list(runs.resolve("quickstart"))) {
            run = s.findFirst().orElseThrow();
        }
        String html = Files.readString(run.resolve("report.html"));
        assertTrue(html.contains("closed-form") && html.contains("estimators-classic/ksg"), "both estimates");
        assertTrue(html.contains("<svg class=\"graph\""), "the graph");
        Map<?, ?> progress = (Map<?, ?>) Json.parse(Files.readString(run.resolve("progress.json")));
        assertEquals("ok", progress.get("status"));
        Files.delete(run.resolve("report.html"));
        Cli.Result again = Cli.run(tmp, "report", run.getFileName().toString(), "--runs-dir", runs.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(Files.isRegularFile(run.resolve("report.html")));
    }

    @Test
    void anUnknownRunIsInvalidInput() {
        Cli.Result r = Cli.run(tmp, "report", "no-such-run", "--runs-dir", tmp.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("no-such-run") && r.err().contains("neither a run folder"), r.err());
    }

    @Test
    void theUiRefusesAMissingRunsFolderAndABadPort() {
        Cli.Result r = Cli.run(tmp, "ui", "--runs-dir", tmp.resolve("absent").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--runs-dir") && r.err().contains("no such folder"), r.err());
        Cli.Result p = Cli.run(tmp, "ui", "--runs-dir", tmp.toString(), "--port", "70000");
        assertEquals(2, p.exitCode());
        assertTrue(p.err().contains("--port 70000"), p.err());
    }
}
