package org.milab.platform.run;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.milab.api.Citation;
import org.milab.platform.MilabVersion;
import org.milab.platform.graph.Plan;
import org.milab.platform.graph.PlannedNode;
import org.milab.platform.plugins.ExtensionHandle;
import org.milab.platform.plugins.PluginStatus;

/**
 * The provenance of a run, as a JSON-ready map: milab and plugin API versions; every plugin's id, version, file and
 * SHA-256; the extensions used with their citations; seeds; JVM, OS and host; start and end times; the git commit
 * of the experiment file's repository when there is one; and the outcome.
 */
public final class Provenance {

    private Provenance() {
    }

    /**
     * What one run was: its experiment seed, the experiment file, the command line, when it started and ended (so
     * far), and its status ({@code running}, {@code ok}, {@code failed}, {@code interrupted}).
     */
    public record Run(long seed, Path experimentFile, List<String> commandLine, Instant start, Instant end,
                      String status) {
        /** Copies the command line. */
        public Run {
            commandLine = List.copyOf(commandLine);
        }
    }

    /** Builds the provenance map of {@code run}, which used {@code plugins} and ran {@code plans}. */
    public static Map<String, Object> of(MilabVersion version, List<PluginStatus> plugins, List<Plan> plans, Run run) {
        Map<String, Object> m = header(version, run.status(), run.commandLine());
        m.put("experimentFile", run.experimentFile().toAbsolutePath().toString());
        gitCommit(run.experimentFile()).ifPresent(c -> m.put("gitCommit", c));
        m.put("seed", run.seed());
        putNodes(m, plans.get(0), run.seed());
        m.put("plugins", plugins(plugins));
        putMachine(m);
        m.put("start", run.start().toString());
        m.put("end", run.end().toString());
        return m;
    }

    private static Map<String, Object> header(MilabVersion version, String status, List<String> commandLine) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put("milab", version.milab());
        m.put("pluginApi", version.pluginApi());
        m.put("commandLine", commandLine);
        return m;
    }

    /** Each node's derived seed, and each extension the plan uses. */
    private static void putNodes(Map<String, Object> m, Plan plan, long seed) {
        Map<String, Object> seeds = new LinkedHashMap<>();
        Map<String, Object> used = new LinkedHashMap<>();
        for (PlannedNode n : plan.nodes()) {
            seeds.put(n.id(), Seeds.derive(seed, n.id()));
            used.putIfAbsent(n.extension().qualifiedName(), extension(n.extension()));
        }
        m.put("nodeSeeds", seeds);
        m.put("extensionsUsed", used);
    }

    private static List<Object> plugins(List<PluginStatus> plugins) {
        List<Object> ps = new ArrayList<>();
        for (PluginStatus p : plugins) {
            ps.add(plugin(p));
        }
        return ps;
    }

    private static Map<String, Object> plugin(PluginStatus p) {
        Map<String, Object> pm = new LinkedHashMap<>();
        pm.put("id", p.id());
        pm.put("version", p.version());
        pm.put("path", p.path().toString());
        pm.put("sha256", p.sha256());
        pm.put("state", p.state().toString().toLowerCase(java.util.Locale.ROOT));
        p.problemText().ifPresent(t -> pm.put("problem", t));
        return pm;
    }

    /** The JVM, OS, CPU count and host name. */
    private static void putMachine(Map<String, Object> m) {
        m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vendor") + ")");
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        m.put("host", host());
    }

    private static Map<String, Object> extension(ExtensionHandle h) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("plugin", h.pluginId());
        e.put("pluginVersion", h.pluginVersion());
        List<String> refs = new ArrayList<>();
        for (Citation c : h.citations()) {
            refs.add(format(c));
        }
        e.put("citations", refs);
        return e;
    }

    /** A citation as one line: authors (year). title. venue. doi:... arXiv:... */
    public static String format(Citation c) {
        return c.authors() + " (" + c.year() + "). " + c.title() + "."
                + (c.venue().isEmpty() ? "" : " " + c.venue() + ".") + (c.doi().isEmpty() ? "" : " doi:" + c.doi())
                + (c.arxiv().isEmpty() ? "" : " arXiv:" + c.arxiv());
    }

    static String host() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The HEAD commit of the git work tree holding {@code file}, with "+dirty" when it has changes. */
    static Optional<String> gitCommit(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        return insideWorkTree(dir) ? headCommit(dir).map(c -> hasChanges(dir) ? c + "+dirty" : c) : Optional.empty();
    }

    private static boolean insideWorkTree(Path dir) {
        Path probe = dir;
        while (probe != null && !Files.exists(probe.resolve(".git"))) {
            probe = probe.getParent();
        }
        return probe != null;
    }

    /** {@code git rev-parse HEAD} in {@code dir}; empty when git fails, is slow or prints no commit. */
    private static Optional<String> headCommit(Path dir) {
        return git(dir, "rev-parse", "HEAD").filter(out -> out.matches("[0-9a-f]{40}"));
    }

    /** Whether {@code git status} lists changes to tracked files in {@code dir}'s work tree (false when git fails). */
    private static boolean hasChanges(Path dir) {
        return git(dir, "status", "--porcelain", "--untracked-files=no").map(out -> !out.isEmpty()).orElse(false);
    }

    /** What {@code git -C dir args} printed, trimmed, when it ended within 5 s without error; empty otherwise. */
    private static Optional<String> git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
