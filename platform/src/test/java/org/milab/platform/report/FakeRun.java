package org.milab.platform.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import javax.imageio.ImageIO;

/** Writes run folders as {@code milab run} lays them out, with chosen names, values and status, for tests. */
public final class FakeRun {

    private FakeRun() {
    }

    /**
     * A finished run {@code runs/<experiment>/<id>} whose ksg node (parameter k) estimated {@code mi} against a
     * truth of 1 nat, with a metric curve, a PNG figure and a signed plugin.
     */
    public static Path write(Path runs, String experiment, String id, String status, int k, double mi) {
        Path dir = runs.resolve(experiment.replaceAll("[^A-Za-z0-9._-]", "_")).resolve(id);
        String yamlName = "'" + experiment.replace("'", "''") + "'";
        put(dir, "experiment.yaml", "# a test run\nexperiment: " + yamlName + "\nseed: 42\n");
        put(dir, "graph.yaml", "experiment: " + yamlName + "\nseed: 42\nnodes:\n  data:\n"
                + "    use: datasets-synthetic/correlated-gaussian\n    with: {n: 500, mi: 1.0}\n  ksg:\n"
                + "    use: estimators-classic/ksg\n    with: {k: " + k + ", stderr: subsample}\n"
                + "    inputs: {x: data.x, y: data.y}\n  train:\n    use: strategies-kd/supervised\n"
                + "    inputs: {dataset: data.dataset}\n");
        put(dir, "results.json", "{\"experiment\":\"x\",\"seed\":42,\"points\":[{\"sweep\":{},\"nodes\":{\"ksg\":{"
                + "\"extension\":\"estimators-classic/ksg\",\"parameters\":{\"k\":\"" + k + "\"},\"seed\":1,"
                + "\"seconds\":0.5,\"outputs\":{\"estimate\":{\"mi\":" + mi + ",\"unit\":\"nats\",\"stderr\":0.02,"
                + "\"n\":500}},\"truth\":{\"views\":[\"x\",\"y\"],\"mi\":1.0,\"method\":\"closed form\"},"
                + "\"logRatio\":" + Math.log(mi) + "}}}]}");
        StringBuilder metrics = new StringBuilder("metric,step,value\n");
        for (int s = 1; s <= 20; s++) {
            metrics.append("train-loss,").append(s).append(',').append(k / (double) s).append('\n');
        }
        put(dir, "nodes/train/metrics.csv", metrics.toString());
        figure(dir.resolve("nodes/train/artifacts/loss.png"));
        put(dir, "provenance.json", "{\"status\":\"" + status + "\",\"milab\":\"1.0.0\",\"pluginApi\":\"1.0.0\","
                + "\"commandLine\":[\"run\",\"e.yaml\"],\"seed\":42,\"nodeSeeds\":{\"ksg\":7577195300259452138},"
                + "\"plugins\":[{\"id\":\"estimators-classic\",\"version\":\"1.0.0\",\"sha256\":\"" + "ab".repeat(32)
                + "\",\"state\":\"loaded\",\"signer\":\"Lab of Tests <tests@example.org>\"}],"
                + "\"jvm\":\"OpenJDK 17\",\"os\":\"Linux\",\"cpus\":2,\"host\":\"box\",\"start\":\""
                + Instant.now().minusSeconds(60) + "\",\"end\":\"" + Instant.now() + "\"}");
        return dir;
    }

    /** A run still running: no provenance yet, a fresh {@code progress.json}. */
    public static Path running(Path runs, String experiment, String id, long done, long total) {
        Path dir = write(runs, experiment, id, "ok", 3, 1.0);
        try {
            Files.delete(dir.resolve("provenance.json"));
            Files.delete(dir.resolve("results.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        put(dir, "progress.json", "{\"status\":\"running\",\"start\":\"" + Instant.now() + "\",\"node\":\"train\","
                + "\"point\":0,\"points\":1,\"done\":" + done + ",\"total\":" + total + ",\"updated\":\""
                + Instant.now() + "\"}");
        return dir;
    }

    public static void put(Path dir, String name, String text) {
        try {
            Path f = dir.resolve(name);
            Files.createDirectories(f.getParent());
            Files.writeString(f, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void figure(Path file) {
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
