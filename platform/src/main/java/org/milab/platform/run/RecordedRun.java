package org.milab.platform.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.milab.api.ConfigurationException;
import org.milab.platform.plugins.PluginStatus;

/**
 * A run folder read back, so that it can be re-run ({@code milab run RUN_FOLDER}) and the new run checked against
 * it: the plugins it used must be the same files (SHA-256), and the same graph and seed must give the same numbers.
 *
 * @param folder     the recorded run
 * @param graph      its resolved {@code graph.yaml}
 * @param provenance its {@code provenance.json}
 * @param results    its {@code results.json}, empty when the run failed
 */
public record RecordedRun(Path folder, Path graph, Map<?, ?> provenance, Map<?, ?> results) {

    /** The provenance status of a run that has started and not (yet) finished. */
    public static final String RUNNING = "running";
    /** The provenance status of a run stopped by Ctrl-C or a termination signal. */
    public static final String INTERRUPTED = "interrupted";

    /** Whether {@code path} is a run folder (finished or not). */
    public static boolean isRunFolder(Path path) {
        return Files.isDirectory(path) && Files.isRegularFile(path.resolve("graph.yaml"))
                && (Files.isRegularFile(path.resolve("provenance.json"))
                || Files.isRegularFile(path.resolve("experiment.yaml")));
    }

    /**
     * Reads a finished run folder.
     *
     * @throws ConfigurationException when the run never finished (killed, crashed, or still running)
     */
    public static RecordedRun read(Path folder) {
        try {
            return readFinished(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ConfigurationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConfigurationException(folder.toString(), "not a readable run folder: " + e.getMessage());
        }
    }

    private static RecordedRun readFinished(Path folder) throws IOException {
        Path provenance = folder.resolve("provenance.json");
        if (!Files.isRegularFile(provenance)) {
            throw interrupted(folder, "it has no provenance.json: it was stopped before its first node ran");
        }
        Map<?, ?> prov = (Map<?, ?>) Json.parse(Files.readString(provenance));
        requireFinished(folder, prov);
        Path res = folder.resolve("results.json");
        Map<?, ?> results = Files.isRegularFile(res) ? (Map<?, ?>) Json.parse(Files.readString(res)) : Map.of();
        return new RecordedRun(folder, folder.resolve("graph.yaml"), prov, results);
    }

    /**
     * A run whose provenance says {@code interrupted}, or still {@code running} (killed with -9, or a crash) did not
     * finish; for {@code running}, say whether its process is alive.
     */
    static void requireFinished(Path folder, Map<?, ?> provenance) {
        if (INTERRUPTED.equals(provenance.get("status"))) {
            throw interrupted(folder, "it was stopped by Ctrl-C or a termination signal at " + provenance.get("end"));
        }
        if (RUNNING.equals(provenance.get("status"))) {
            throw stillRunning(folder, provenance);
        }
    }

    /** Whether the process of a run still {@code running} is alive or gone, as the error to throw. */
    private static ConfigurationException stillRunning(Path folder, Map<?, ?> provenance) {
        boolean alive = provenance.get("pid") instanceof Number pid
                && ProcessHandle.of(pid.longValue()).map(ProcessHandle::isAlive).orElse(false)
                && Objects.equals(provenance.get("host"), Provenance.host());
        return alive
                ? new ConfigurationException(folder.toString(), "this run is still running (process "
                + provenance.get("pid") + "); wait for it to finish, then re-run it")
                : interrupted(folder, "its provenance still says 'running' since " + provenance.get("start")
                + " and its process is gone: it was killed or crashed");
    }

    private static ConfigurationException interrupted(Path folder, String why) {
        return new ConfigurationException(folder.toString(), "this run was interrupted and has no results to "
                + "check against (" + why + "); run its experiment again with: milab run "
                + folder.resolve("experiment.yaml"));
    }

    /**
     * Differences between the recorded milab version and this one, as sentences (empty when identical). The plugins
     * are reported one by one, matching or not, by {@link #hostReport}.
     */
    public List<String> versionDifferences() {
        List<String> diffs = new ArrayList<>();
        if (!Objects.equals(provenance.get("milab"), org.milab.platform.MilabVersion.current().milab())) {
            diffs.add("milab differs: recorded " + provenance.get("milab") + ", now "
                    + org.milab.platform.MilabVersion.current().milab());
        }
        return diffs;
    }

    /**
     * What {@code milab run RUN_FOLDER} prints before running, one line each: per plugin the run used, whether the
     * installed file is the one it recorded (SHA-256). {@link RunService} warns of the other differences.
     */
    public List<String> hostReport(List<PluginStatus> loaded) {
        List<String> lines = new ArrayList<>();
        for (String line : org.milab.platform.share.RecordedPlugins.of(provenance).report(loaded)) {
            lines.add(line.contains(": MISSING") || line.contains(": DIFFERS") ? "milab: warning: " + line
                    : "milab: " + line);
        }
        return lines;
    }

    /** Estimates that differ between the recorded results and {@code now} (both results.json maps). */
    public List<String> estimateDifferences(Map<String, Object> now) {
        List<String> diffs = new ArrayList<>();
        List<?> before = (List<?>) results.get("points");
        List<?> after = (List<?>) now.get("points");
        if (before == null || after == null || before.size() != after.size()) {
            diffs.add("the number of sweep points differs");
            return diffs;
        }
        for (int i = 0; i < before.size(); i++) {
            Map<?, ?> b = (Map<?, ?>) ((Map<?, ?>) before.get(i)).get("nodes");
            Map<?, ?> a = Json.roundTrip((Map<?, ?>) ((Map<?, ?>) after.get(i)).get("nodes"));
            addDifferences(diffs, i, b, a);
        }
        return diffs;
    }

    /** Each node of point {@code i} whose estimate differs between {@code before} and {@code after}. */
    private static void addDifferences(List<String> diffs, int i, Map<?, ?> before, Map<?, ?> after) {
        for (Object node : before.keySet()) {
            Object mb = mi(before.get(node));
            Object ma = mi(after.get(node));
            if (!Objects.equals(mb, ma)) {
                diffs.add("point " + i + ", node " + node + ": recorded " + mb + ", now " + ma);
            }
        }
    }

    private static Object mi(Object node) {
        if (!(node instanceof Map<?, ?> n) || !(n.get("outputs") instanceof Map<?, ?> o)
                || !(o.get("estimate") instanceof Map<?, ?> e)) {
            return null;
        }
        return e.get("mi");
    }

    private static String abbrev(Object sha) {
        String s = String.valueOf(sha);
        return s.length() > 12 ? s.substring(0, 12) : s;
    }
}
