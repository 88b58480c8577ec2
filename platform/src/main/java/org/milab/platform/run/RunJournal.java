package org.milab.platform.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.milab.api.ConfigurationException;
import org.milab.platform.graph.Plan;
import org.milab.platform.graph.PlannedNode;

/**
 * The journal of a run folder: {@code journal/plan.json} (the fingerprint of every planned point) and one
 * {@code journal/<i>.json} per finished point, written atomically the moment the point finishes. It is what
 * {@code --resume} continues from after a kill, and what the run store indexes for a run that never finished.
 */
final class RunJournal {

    private static final String PLAN = "plan.json";
    private final RunDirectory dir;

    RunJournal(RunDirectory dir) {
        this.dir = dir;
    }

    /** Records the fingerprints of the planned points. */
    void start(List<String> fingerprints) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("points", fingerprints);
        dir.write(RunLayout.journal().resolve(PLAN).toString(), Json.pretty(plan));
    }

    /** The recorded fingerprints, when the folder has a journal. */
    Optional<List<String>> fingerprints() {
        Path plan = dir.path().resolve(RunLayout.journal()).resolve(PLAN);
        if (!Files.isRegularFile(plan)) {
            return Optional.empty();
        }
        Map<?, ?> m = (Map<?, ?>) Json.parseExact(read(plan));
        return Optional.of(((List<?>) m.get("points")).stream().map(String::valueOf).toList());
    }

    /** Records point {@code index} when it finished without error (a failed point is run again on resume). */
    void record(int index, PointOutcome point) {
        if (point.ok()) {
            dir.write(RunLayout.journalEntry(index).toString(), Json.pretty(ResultsWriter.point(point)));
        }
    }

    /** The finished points recorded in the journal, read back against {@code plans}. */
    Map<Integer, PointOutcome> finished(List<Plan> plans) {
        Map<Integer, PointOutcome> done = new LinkedHashMap<>();
        for (int i = 0; i < plans.size(); i++) {
            Path entry = dir.path().resolve(RunLayout.journalEntry(i));
            if (Files.isRegularFile(entry)) {
                done.put(i, restore(plans.get(i), (Map<?, ?>) Json.parseExact(read(entry)), entry));
            }
        }
        return done;
    }

    private static PointOutcome restore(Plan plan, Map<?, ?> json, Path entry) {
        Map<?, ?> nodes = (Map<?, ?>) json.get("nodes");
        List<NodeOutcome> outcomes = new ArrayList<>();
        for (PlannedNode node : plan.nodes()) {
            if (!(nodes.get(node.id()) instanceof Map<?, ?> n)) {
                throw new ConfigurationException(entry.toString(), "has no record of node '" + node.id()
                        + "'; the journal does not match the experiment");
            }
            outcomes.add(OutcomeCodec.restore(node, n, p -> p, Boolean.TRUE.equals(n.get("cached"))));
        }
        return new PointOutcome(plan.point(), outcomes);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
