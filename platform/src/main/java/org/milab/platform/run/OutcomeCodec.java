package org.milab.platform.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.milab.api.analysis.AnalysisResult;
import org.milab.api.analysis.Table;
import org.milab.api.data.GroundTruth;
import org.milab.api.estimate.Estimate;
import org.milab.platform.graph.PlannedNode;

/**
 * Reads a node outcome back from its JSON form ({@link ResultsWriter#node(NodeOutcome)}), for the node cache and
 * for resumed runs. Estimates and analysis results come back as the same objects (doubles round-trip exactly
 * through JSON text); datasets, samples and training results come back as {@link RecordedOutput}s, which is why
 * only nodes whose outputs are all estimates or analysis results are cacheable.
 */
final class OutcomeCodec {

    private OutcomeCodec() {
    }

    /** Whether every output of {@code n} comes back as the same object from its JSON form. */
    static boolean restorable(NodeOutcome n) {
        return !n.outputs().isEmpty() && n.outputs().values().stream()
                .allMatch(v -> v instanceof Estimate || v instanceof AnalysisResult);
    }

    /**
     * The outcome of {@code node} recorded as {@code json}.
     *
     * @param figures maps a recorded figure path to where the figure is now
     * @param cached  whether to mark the outcome as served from the cache
     */
    static NodeOutcome restore(PlannedNode node, Map<?, ?> json, UnaryOperator<Path> figures, boolean cached) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        ((Map<?, ?>) json.get("outputs")).forEach((port, v) -> outputs.put(String.valueOf(port), output(v, figures)));
        Optional<GroundTruth> truth = json.get("truth") instanceof Map<?, ?> t ? Optional.of(truth(t))
                : Optional.empty();
        return new NodeOutcome(node, ((Number) json.get("seed")).longValue(),
                real(json.get("seconds")), outputs, truth, cached);
    }

    private static Object output(Object v, UnaryOperator<Path> figures) {
        if (v instanceof Map<?, ?> m && m.containsKey("mi") && "nats".equals(m.get("unit"))) {
            return estimate(m);
        }
        if (v instanceof Map<?, ?> m && m.containsKey("tables") && m.containsKey("verdicts")
                && m.containsKey("scalars") && m.containsKey("figures")) {
            return analysis(m, figures);
        }
        return new RecordedOutput(v);
    }

    private static Estimate estimate(Map<?, ?> m) {
        Estimate e = Estimate.of(real(m.get("mi")), ((Number) m.get("n")).longValue());
        if (m.get("stderr") != null) {
            e = e.withStandardError(real(m.get("stderr")));
        }
        if (m.get("diagnostics") instanceof Map<?, ?> d) {
            for (Map.Entry<?, ?> x : d.entrySet()) {
                e = e.withDiagnostic(String.valueOf(x.getKey()), real(x.getValue()));
            }
        }
        if (m.get("quantity") != null) {
            e = e.withQuantity(String.valueOf(m.get("quantity")));
        }
        return withNotesAndWarnings(e, m);
    }

    private static Estimate withNotesAndWarnings(Estimate e, Map<?, ?> m) {
        for (Object note : m.get("notes") instanceof List<?> l ? l : List.of()) {
            e = e.withNote(String.valueOf(note));
        }
        for (Object warning : m.get("warnings") instanceof List<?> l ? l : List.of()) {
            e = e.withWarning(String.valueOf(warning));
        }
        return e;
    }

    private static AnalysisResult analysis(Map<?, ?> m, UnaryOperator<Path> figures) {
        List<Table> tables = new ArrayList<>();
        for (Object o : (List<?>) m.get("tables")) {
            tables.add(table((Map<?, ?>) o));
        }
        Map<String, Double> scalars = new LinkedHashMap<>();
        ((Map<?, ?>) m.get("scalars")).forEach((k, v) -> scalars.put(String.valueOf(k), real(v)));
        List<String> verdicts = ((List<?>) m.get("verdicts")).stream().map(String::valueOf).toList();
        List<Path> paths = ((List<?>) m.get("figures")).stream().map(f -> figures.apply(Path.of(String.valueOf(f))))
                .toList();
        return new AnalysisResult(tables, scalars, verdicts, paths);
    }

    private static Table table(Map<?, ?> t) {
        List<List<Object>> rows = new ArrayList<>();
        ((List<?>) t.get("rows")).forEach(r -> rows.add(new ArrayList<>((List<?>) r)));
        return new Table(String.valueOf(t.get("title")),
                ((List<?>) t.get("columns")).stream().map(String::valueOf).toList(), rows);
    }

    private static GroundTruth truth(Map<?, ?> t) {
        List<?> views = (List<?>) t.get("views");
        return new GroundTruth(String.valueOf(views.get(0)), String.valueOf(views.get(1)),
                real(t.get("mi")), String.valueOf(t.get("method")));
    }

    /** A JSON number; Gson reads the non-finite values it writes (Infinity, -Infinity, NaN) back as text. */
    static double real(Object v) {
        return v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v));
    }
}
