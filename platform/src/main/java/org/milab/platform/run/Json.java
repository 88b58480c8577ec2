package org.milab.platform.run;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.milab.api.analysis.AnalysisResult;
import org.milab.api.analysis.Table;
import org.milab.api.data.Dataset;
import org.milab.api.data.GroundTruth;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimate;
import org.milab.api.train.TrainingResult;

/** JSON forms of node outputs and results: plain maps and lists written with Gson. */
public final class Json {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .disableHtmlEscaping().create();
    private static final Gson COMPACT = new GsonBuilder().serializeSpecialFloatingPointValues()
            .disableHtmlEscaping().create();

    private static final Gson EXACT = new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
            .create();

    private Json() {
    }

    /** Pretty JSON text. */
    public static String pretty(Object tree) {
        return GSON.toJson(tree);
    }

    /** One-line JSON text. */
    public static String compact(Object tree) {
        return COMPACT.toJson(tree);
    }

    /** Reads JSON text into maps and lists. */
    public static Object parse(String text) {
        return GSON.fromJson(text, Object.class);
    }

    /**
     * Reads JSON text keeping whole numbers exact: integers come back as {@code Long} (64-bit seeds survive), numbers
     * with a fraction or exponent as {@code Double}. What journals, the node cache and the run store read.
     */
    public static Object parseExact(String text) {
        return EXACT.fromJson(text, Object.class);
    }

    /** The map as it reads back from JSON text (numbers as doubles), for comparing with a parsed file. */
    public static Map<?, ?> roundTrip(Map<?, ?> tree) {
        return (Map<?, ?>) parse(compact(tree));
    }

    /** A JSON-ready form of a node output. */
    public static Object of(Object value) {
        if (value instanceof RecordedOutput r) {
            return r.json();
        }
        if (value instanceof Dataset d) {
            return dataset(d);
        }
        if (value instanceof Samples s) {
            return samples(s);
        }
        return result(value);
    }

    /** An estimate, training result or analysis result (the types are final, so the order of tests is free). */
    private static Object result(Object value) {
        if (value instanceof Estimate e) {
            return estimate(e);
        }
        if (value instanceof TrainingResult t) {
            return training(t);
        }
        if (value instanceof AnalysisResult a) {
            return analysis(a);
        }
        return String.valueOf(value);
    }

    private static Map<String, Object> dataset(Dataset d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("n", d.size());
        Map<String, Object> views = new LinkedHashMap<>();
        d.viewNames().forEach(v -> views.put(v, d.view(v).columnNames()));
        m.put("views", views);
        List<Object> truths = new ArrayList<>();
        d.groundTruth().forEach(t -> truths.add(truth(t)));
        m.put("groundTruth", truths);
        m.put("metadata", d.metadata());
        return m;
    }

    private static Map<String, Object> samples(Samples s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", s.rows());
        m.put("columns", s.columnNames());
        m.put("sha256", s.fingerprint());
        return m;
    }

    private static Map<String, Object> training(TrainingResult t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("models", new ArrayList<>(t.models().keySet()));
        m.put("metrics", t.metrics());
        Map<String, Object> reps = new LinkedHashMap<>();
        t.representations().forEach((k, s) -> reps.put(k, of(s)));
        m.put("representations", reps);
        return m;
    }

    private static Map<String, Object> analysis(AnalysisResult a) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> tables = new ArrayList<>();
        a.tables().forEach(t -> tables.add(table(t)));
        m.put("tables", tables);
        m.put("scalars", a.scalars());
        m.put("verdicts", a.verdicts());
        m.put("figures", a.figures().stream().map(Path::toString).toList());
        return m;
    }

    /** An estimate: nats, what it estimates when not Shannon MI, standard error, n, diagnostics, notes, warnings. */
    public static Map<String, Object> estimate(Estimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mi", e.nats());
        m.put("unit", "nats");
        e.quantity().ifPresent(q -> m.put("quantity", q));
        e.standardError().ifPresent(se -> m.put("stderr", se));
        m.put("n", e.sampleCount());
        if (!e.diagnostics().isEmpty()) {
            m.put("diagnostics", e.diagnostics());
        }
        putUnlessEmpty(m, "notes", e.notes());
        putUnlessEmpty(m, "warnings", e.warnings());
        return m;
    }

    private static void putUnlessEmpty(Map<String, Object> m, String key, List<String> values) {
        if (!values.isEmpty()) {
            m.put(key, values);
        }
    }

    /** A ground truth. */
    public static Map<String, Object> truth(GroundTruth t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("views", List.of(t.viewA(), t.viewB()));
        m.put("mi", t.nats());
        m.put("method", t.method());
        return m;
    }

    /** A table. */
    public static Map<String, Object> table(Table t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", t.title());
        m.put("columns", t.columns());
        m.put("rows", t.rows());
        return m;
    }
}
