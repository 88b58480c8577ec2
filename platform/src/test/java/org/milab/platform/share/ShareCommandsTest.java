package org.milab.platform.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milab.platform.testing.Cli;
import org.milab.platform.testing.PluginJarBuilder;

/**
 * The README's walkthrough through the CLI: one lab scaffolds, builds, packs and publishes a plugin; another lab
 * trusts its key, installs the plugin into its own MILAB_HOME, runs a graph with it, verifies it, and re-runs the run
 * folder in a third home with {@code --install-missing}.
 */
class ShareCommandsTest {

    @TempDir
    Path tmp;

    private Cli.Result ok(Path home, String... args) {
        Cli.Result r = Cli.run(home, args);
        assertEquals(0, r.exitCode(), String.join(" ", args) + "\n" + r.out() + r.err());
        return r;
    }

    private Path publishedRepository(Path homeA) throws IOException {
        Path project = tmp.resolve("pearson-gaussian");
        ok(homeA, "new-plugin", "pearson-gaussian", "--kind", "estimator", "--dir", project.toString());
        PluginJarBuilder.fromSources(project.resolve("src/main/java")).id("pearson-gaussian").version("0.1.0")
                .buildInto(project.resolve("target"));
        ok(homeA, "keys", "generate", "lab-a");
        String first = ok(homeA, "plugins", "pack", project.toString(), "--out", tmp.toString()).out();
        String second = ok(homeA, "plugins", "pack", project.toString(), "--out", tmp.toString()).out();
        assertEquals(first, second, "same archive, same SHA-256");
        Path repo = tmp.resolve("lab-repo");
        String pub = ok(homeA, "plugins", "publish", tmp.resolve("pearson-gaussian-0.1.0.jar").toString(),
                "--repo", repo.toString(), "--key", "lab-a").out();
        assertTrue(pub.contains("extensions pearson-gaussian") && pub.contains("signed by lab-a"), pub);
        ok(homeA, "keys", "export", "lab-a", "--out", tmp.resolve("lab-a.pub").toString());
        return repo;
    }

    @Test
    void shareAPluginWithAnotherLab() throws IOException {
        Path repo = publishedRepository(tmp.resolve("home-a"));
        Path homeB = tmp.resolve("home-b");
        Cli.Result untrusted = Cli.run(homeB, "plugins", "install", "pearson-gaussian", "--repo", repo.toString());
        assertEquals(2, untrusted.exitCode());
        assertTrue(untrusted.err().contains("not a trusted key"), untrusted.err());
        ok(homeB, "keys", "trust", tmp.resolve("lab-a.pub").toString());
        String search = ok(homeB, "plugins", "search", "pearson", "--repo", repo.toString()).out();
        assertTrue(search.contains("pearson-gaussian") && search.contains("0.1.0"), search);
        String install = ok(homeB, "plugins", "install", "pearson-gaussian@0.1.0", "--repo", repo.toString()).out();
        assertTrue(install.contains("installed pearson-gaussian 0.1.0"), install);
        String list = ok(homeB, "plugins", "list").out();
        assertTrue(list.contains("origin: " + repo.toAbsolutePath() + "; signer: lab-a (") && list.contains("verified: "),
                list);
        assertTrue(ok(homeB, "plugins", "verify").out().startsWith("ok      pearson-gaussian 0.1.0"));
        Files.copy(tmp.resolve("pearson-gaussian-0.1.0.jar"), homeB.resolve("plugins/by-hand.jar"));
        String handCopied = ok(homeB, "plugins", "verify").out();
        assertTrue(handCopied.contains("by-hand.jar: copied by hand (no install record)"), handCopied);
        Files.delete(homeB.resolve("plugins/by-hand.jar"));

        Path installed = homeB.resolve("plugins/pearson-gaussian.jar");
        byte[] bytes = Files.readAllBytes(installed);
        bytes[bytes.length - 30] ^= 1;
        Files.write(installed, bytes);
        Cli.Result verify = Cli.run(homeB, "plugins", "verify");
        assertEquals(1, verify.exitCode(), verify.out());
        assertTrue(verify.out().contains("FAILED  pearson-gaussian 0.1.0") && verify.out().contains("changed since it "
                + "was installed"), verify.out());
        assertTrue(ok(homeB, "plugins", "list").out().contains("NOT VERIFIED"));
        ok(homeB, "plugins", "remove", "pearson-gaussian");
        assertTrue(!Files.exists(installed));
    }

    @Test
    void updateInstallsTheNewestPublishedVersionFromTheRecordedRepository() throws IOException {
        Path homeA = tmp.resolve("home-a");
        Path repo = publishedRepository(homeA);
        Path homeB = tmp.resolve("home-b");
        ok(homeB, "keys", "trust", tmp.resolve("lab-a.pub").toString());
        ok(homeB, "plugins", "install", "pearson-gaussian", "--repo", repo.toString());
        Path project = tmp.resolve("pearson-gaussian");
        PluginJarBuilder.fromSources(project.resolve("src/main/java")).id("pearson-gaussian").version("0.2.0")
                .buildInto(tmp.resolve("v2"));
        ok(homeA, "plugins", "pack", tmp.resolve("v2/pearson-gaussian-0.2.0.jar").toString(), "--out", tmp.toString());
        ok(homeA, "plugins", "publish", tmp.resolve("pearson-gaussian-0.2.0.jar").toString(), "--repo",
                repo.toString(), "--key", "lab-a");
        String update = ok(homeB, "plugins", "update").out();
        assertTrue(update.contains("installed pearson-gaussian 0.2.0"), update);
        assertEquals("0.2.0", PluginMetadata.read(homeB.resolve("plugins/pearson-gaussian.jar")).version());
        Cli.Result republish = Cli.run(homeA, "plugins", "publish", tmp.resolve("pearson-gaussian-0.1.0.jar")
                .toString(), "--repo", repo.toString(), "--key", "lab-a");
        assertEquals(0, republish.exitCode(), "publishing the same bytes again is harmless: " + republish.err());
    }

    @Test
    void reRunningARunFolderReportsAndInstallsTheRecordedPlugins() throws IOException {
        Path repo = publishedRepository(tmp.resolve("home-a"));
        Path homeB = tmp.resolve("home-b");
        ok(homeB, "keys", "trust", tmp.resolve("lab-a.pub").toString());
        ok(homeB, "plugins", "install", "pearson-gaussian", "--repo", repo.toString());
        Path graph = tmp.resolve("shared.yaml");
        Files.writeString(graph, """
                experiment: shared
                seed: 1
                nodes:
                  data: {use: correlated-gaussian, with: {n: 2000, dim: 1, mi: 0.5}}
                  pearson: {use: pearson-gaussian, inputs: {x: data.x, y: data.y}}
                """);
        String out = ok(homeB, "run", graph.toString(), "--runs-dir", tmp.resolve("runs").toString()).out();
        Matcher m = Pattern.compile("run folder: (\\S+)").matcher(out);
        assertTrue(m.find(), out);
        String run = m.group(1);

        Path homeC = tmp.resolve("home-c");
        ok(homeC, "keys", "trust", tmp.resolve("lab-a.pub").toString());
        Cli.Result missing = Cli.run(homeC, "run", run, "--runs-dir", tmp.resolve("runs-c").toString());
        assertEquals(2, missing.exitCode(), "the graph names an extension that is not installed");
        assertTrue(missing.err().contains("plugin pearson-gaussian 0.1.0: MISSING"), missing.err());
        assertTrue(missing.err().contains("plugin datasets-synthetic") && missing.err().contains("is the one the run "
                + "recorded"), missing.err());
        Cli.Result again = ok(homeC, "run", run, "--runs-dir", tmp.resolve("runs-c").toString(), "--install-missing",
                "--repo", repo.toString());
        assertTrue(again.err().contains("installed pearson-gaussian 0.1.0")
                && again.err().contains("plugin pearson-gaussian 0.1.0: the installed file is the one the run recorded")
                && again.err().contains("every estimate is identical"), again.err());
    }

    @Test
    void aRepositoryArchiveThatIsNotTheRecordedBuildIsRefused() throws IOException {
        Path repo = publishedRepository(tmp.resolve("home-a"));
        Path homeB = tmp.resolve("home-b");
        ok(homeB, "keys", "trust", tmp.resolve("lab-a.pub").toString());
        ok(homeB, "plugins", "install", "pearson-gaussian", "--repo", repo.toString());
        Path graph = tmp.resolve("shared.yaml");
        Files.writeString(graph, "experiment: shared\nseed: 1\nnodes:\n  data: {use: correlated-gaussian, with: {n: 500,"
                + " dim: 1, mi: 0.5}}\n  p: {use: pearson-gaussian, inputs: {x: data.x, y: data.y}}\n");
        ok(homeB, "run", graph.toString(), "--runs-dir", tmp.resolve("runs").toString());
        Path run;
        try (Stream<Path> s = Files.list(tmp.resolve("runs/shared"))) {
            run = s.findFirst().orElseThrow();
        }
        Path prov = run.resolve("provenance.json");
        String text = Files.readString(prov);
        String sha = Sha256.of(homeB.resolve("plugins/pearson-gaussian.jar"));
        Files.writeString(prov, text.replace(sha, "f".repeat(64)));
        Path homeC = tmp.resolve("home-c");
        ok(homeC, "keys", "trust", tmp.resolve("lab-a.pub").toString());
        Cli.Result r = Cli.run(homeC, "run", run.toString(), "--runs-dir", tmp.resolve("c").toString(),
                "--install-missing", "--repo", repo.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("plugin pearson-gaussian 0.1.0") && r.err().contains("not the same build"), r.err());
        assertTrue(!Files.exists(homeC.resolve("plugins")) || Files.list(homeC.resolve("plugins")).findAny().isEmpty());
    }
}
