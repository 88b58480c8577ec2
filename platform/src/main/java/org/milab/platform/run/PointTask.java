package org.milab.platform.run;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.milab.platform.graph.ExperimentGraph;
import org.milab.platform.graph.GraphParser;
import org.milab.platform.graph.GraphValidator;
import org.milab.platform.graph.Overrides;
import org.milab.platform.graph.Plan;
import org.milab.platform.plugins.PluginHost;

/**
 * One sweep point as a remote task: the experiment's text, file name and overrides, read again on the remote side,
 * validated against that side's plugin host, and point {@code index} run through {@link GraphRunner#runPoint} (the
 * same code a local run uses) into a scratch folder whose files come back in the {@link PointRecord}.
 *
 * @param source the experiment's YAML text
 * @param file   the experiment's file name (for messages)
 * @param sets   the {@code --set} overrides
 */
public record PointTask(String source, String file, List<String> sets) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Copies {@code sets}. */
    public PointTask {
        sets = List.copyOf(sets);
    }

    /** The task for {@code graph} as parsed from its file, before {@code sets} were applied. */
    public static PointTask of(ExperimentGraph graph, List<String> sets) {
        return new PointTask(graph.source(), graph.file(), sets);
    }

    /** Runs point {@code index} on {@code host}; a failure comes back in the record, never thrown. */
    public PointRecord run(PluginHost host, int index) {
        Path scratch = scratch();
        try {
            ExperimentGraph graph = Overrides.apply(new GraphParser().parse(source, file), sets);
            List<Plan> plans = new GraphValidator(host.registry()).validate(graph);
            PointOutcome point = new GraphRunner(host.registry(), new AtomicBoolean(), GraphRunner.Listener.NONE)
                    .runPoint(plans.get(index), index, plans.size(), scratch);
            return PointRecord.of(index, point, scratch, files(scratch));
        } catch (RuntimeException e) {
            return PointRecord.failed(index, ErrorText.of(e).replaceFirst("^milab: ", ""));
        } finally {
            delete(scratch);
        }
    }

    private static Path scratch() {
        try {
            return Files.createTempDirectory("milab-point");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, byte[]> files(Path root) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the point's files in " + root, e);
        }
        return out;
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // scratch space; nothing to report
        }
    }
}
