package org.milab.platform.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.milab.platform.run.Json;
import org.milab.platform.screen.FeatureScore;
import org.milab.platform.screen.ScreenJob;

/** A finished screen: scores sorted by MI (highest first, ties by name), failures last, printed as text, JSON or CSV. */
final class ScreenOutput {

    private final Path data;
    private final String target;
    private final String estimator;
    private final ScreenJob job;
    private final List<FeatureScore> ranked;
    private final List<FeatureScore> failed;
    private final double seconds;

    ScreenOutput(Path data, String target, String estimator, ScreenJob job, List<FeatureScore> scores,
                 double seconds) {
        this.data = data;
        this.target = target;
        this.estimator = estimator;
        this.job = job;
        this.ranked = scores.stream().filter(s -> !s.failed()).sorted(Comparator.comparingDouble(FeatureScore::mi)
                .reversed().thenComparing(FeatureScore::feature)).toList();
        this.failed = scores.stream().filter(FeatureScore::failed).toList();
        this.seconds = seconds;
    }

    boolean allFailed() {
        return ranked.isEmpty();
    }

    void print(PrintWriter out, ScreenCommand.Format format, int top) {
        List<FeatureScore> shown = top > 0 && top < ranked.size() ? ranked.subList(0, top) : ranked;
        switch (format) {
            case JSON -> out.println(Json.pretty(json(shown)));
            case CSV -> out.print(csv(shown));
            default -> text(out, shown);
        }
        out.flush();
    }

    void warnFailures(PrintWriter err) {
        if (!failed.isEmpty()) {
            err.println("milab: warning: " + failed.size() + " of " + (failed.size() + ranked.size())
                    + " features could not be estimated; the first: " + failed.get(0).feature() + ": "
                    + failed.get(0).error());
        }
    }

    private void text(PrintWriter out, List<FeatureScore> shown) {
        out.printf(Locale.ROOT, "%s: I(feature; %s) for %d features of %s (%.1f s)%n", estimator, target,
                ranked.size() + failed.size(), data, seconds);
        TextTable t = new TextTable(List.of("rank", "feature", "mi (nats)", "stderr", "n"));
        for (int i = 0; i < shown.size(); i++) {
            FeatureScore s = shown.get(i);
            t.add(List.of(String.valueOf(i + 1), s.feature(), num(s.mi()), num(s.stderr()), String.valueOf(s.n())));
        }
        out.print(t);
        failed.forEach(f -> out.println("failed: " + f.feature() + ": " + f.error()));
    }

    private Map<String, Object> json(List<FeatureScore> shown) {
        Map<String, Object> m = header();
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            rows.add(json(i + 1, shown.get(i)));
        }
        m.put("scores", rows);
        m.put("failed", failed.stream().map(f -> Map.of("feature", f.feature(), "error", f.error())).toList());
        return m;
    }

    /** What was screened, how, and how long it took. */
    private Map<String, Object> header() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", data.toString());
        m.put("target", target);
        m.put("estimator", estimator);
        m.put("parameters", job.sets());
        m.put("seed", job.seed());
        m.put("features", ranked.size() + failed.size());
        m.put("seconds", seconds);
        return m;
    }

    private static Map<String, Object> json(int rank, FeatureScore s) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("rank", rank);
        r.put("feature", s.feature());
        r.put("mi", s.mi());
        if (!Double.isNaN(s.stderr())) {
            r.put("stderr", s.stderr());
        }
        r.put("n", s.n());
        return r;
    }

    private String csv(List<FeatureScore> shown) {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(sb, CSVFormat.DEFAULT.builder()
                .setHeader("rank", "feature", "mi_nats", "stderr_nats", "n", "error").get())) {
            printRows(p, shown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    /** One row per shown score, then one per failed feature. */
    private void printRows(CSVPrinter p, List<FeatureScore> shown) throws IOException {
        for (int i = 0; i < shown.size(); i++) {
            FeatureScore s = shown.get(i);
            p.printRecord(i + 1, s.feature(), num(s.mi()), Double.isNaN(s.stderr()) ? "" : num(s.stderr()),
                    s.n(), "");
        }
        for (FeatureScore f : failed) {
            p.printRecord("", f.feature(), "", "", f.n(), f.error());
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.9g", v);
    }
}
