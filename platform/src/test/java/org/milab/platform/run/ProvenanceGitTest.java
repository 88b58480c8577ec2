package org.milab.platform.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The git commit recorded in provenance: the HEAD commit, marked "+dirty" when tracked files have changes. */
class ProvenanceGitTest {

    @TempDir
    Path repo;

    @Test
    void recordsHeadAndMarksChangedWorkTrees() throws Exception {
        assumeTrue(git("init", "-q"), "git is not installed");
        Path experiment = repo.resolve("experiment.yaml");
        Files.writeString(experiment, "experiment: a\n");
        assertTrue(git("add", "experiment.yaml"));
        assertTrue(git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "first"));

        Optional<String> clean = Provenance.gitCommit(experiment);
        assertTrue(clean.orElseThrow().matches("[0-9a-f]{40}"), clean.toString());

        Files.writeString(experiment, "experiment: b\n");
        assertEquals(clean.get() + "+dirty", Provenance.gitCommit(experiment).orElseThrow());
    }

    @Test
    void outsideAWorkTreeRecordsNothing() throws IOException {
        Path file = Files.writeString(repo.resolve("loose.yaml"), "experiment: a\n");
        assertEquals(Optional.empty(), Provenance.gitCommit(file));
    }

    private boolean git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
