package org.milab.plugins.kd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import org.milab.api.analysis.AnalysisResult;
import org.milab.api.analysis.Table;

/**
 * The report of a {@link Cch} sweep repeated from several seeds (replicates): per level, the means over the
 * replicates with 95% t-intervals over them (each replicate has its own teachers, noise draws and students, so this
 * interval includes the teacher-to-teacher spread that one replicate's seed interval hides); and, per replicate,
 * the level where the gap and the mean gain change sign, with their mean and 95% interval over the replicates that
 * have one. What holds across seeds is what holds in every replicate: the verdicts say it in those terms.
 */
final class CchReplicates {

    private CchReplicates() {
    }

    static AnalysisResult of(List<List<Cch.Level>> sweeps, List<Long> seeds, Task task, Path artifacts) {
        AnalysisResult pooled = CchReport.of(pool(sweeps), task, artifacts, "replicates");
        List<Double> gapAt = crossings(sweeps, true);
        List<Double> gainAt = crossings(sweeps, false);
        Map<String, Double> scalars = new LinkedHashMap<>(pooled.scalars());
        scalars.put("replicates", (double) sweeps.size());
        put(scalars, "gap-sign-change", gapAt);
        put(scalars, "gain-sign-change", gainAt);
        List<String> verdicts = new ArrayList<>(pooled.verdicts());
        verdicts.add(summary("gap", gapAt, sweeps.size()));
        verdicts.add(summary("mean gain", gainAt, sweeps.size()));
        List<Table> tables = new ArrayList<>(pooled.tables());
        tables.add(crossingTable(sweeps, seeds));
        return new AnalysisResult(tables, scalars, verdicts, pooled.figures());
    }

    /** The teacher-noise levels where the gap (or the mean gain) changes sign, of the replicates where it does. */
    private static List<Double> crossings(List<List<Cch.Level>> sweeps, boolean gap) {
        List<Double> at = new ArrayList<>();
        for (List<Cch.Level> sweep : sweeps) {
            CchReport.crossing(sweep, gap).ifPresent(at::add);
        }
        return at;
    }

    /** One row per replicate: its seed and where its gap and gain change sign. */
    private static Table crossingTable(List<List<Cch.Level>> sweeps, List<Long> seeds) {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < sweeps.size(); r++) {
            rows.add(List.of(r + 1, seeds.get(r), text(CchReport.crossing(sweeps.get(r), true)),
                    text(CchReport.crossing(sweeps.get(r), false))));
        }
        return new Table("CCH: where the gap and the gain change sign, per replicate (teacher-noise)",
                List.of("replicate", "seed", "gap changes sign at", "gain changes sign at"), rows);
    }

    /** Per level, the means over the replicates; intervals over the replicates' means. */
    static List<Cch.Level> pool(List<List<Cch.Level>> sweeps) {
        List<Cch.Level> out = new ArrayList<>();
        for (int i = 0; i < sweeps.get(0).size(); i++) {
            out.add(new Cch.Level(sweeps.get(0).get(i).noise(), mean(across(sweeps, i, Cch.Level::teacherStudent)),
                    mean(across(sweeps, i, Cch.Level::studentLabel)), mean(across(sweeps, i, Cch.Level::teacherAccuracy)),
                    mean(across(sweeps, i, Cch.Level::plain)), mean(across(sweeps, i, Cch.Level::distilled)),
                    MeanInterval.of(across(sweeps, i, l -> l.gain().mean())),
                    MeanInterval.of(across(sweeps, i, Cch.Level::gap))));
        }
        return out;
    }

    /** {@code value} of level {@code i} in each replicate. */
    private static double[] across(List<List<Cch.Level>> sweeps, int i, ToDoubleFunction<Cch.Level> value) {
        double[] v = new double[sweeps.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = value.applyAsDouble(sweeps.get(k).get(i));
        }
        return v;
    }

    private static void put(Map<String, Double> scalars, String name, List<Double> at) {
        scalars.put(name + "-replicates", (double) at.size());
        if (!at.isEmpty()) {
            MeanInterval m = MeanInterval.of(at.stream().mapToDouble(Double::doubleValue).toArray());
            scalars.put(name + "-mean", m.mean());
            if (at.size() > 1) {
                scalars.put(name + "-low", m.low());
                scalars.put(name + "-high", m.high());
            }
        }
    }

    private static String summary(String what, List<Double> at, int replicates) {
        if (at.isEmpty()) {
            return "Across " + replicates + " replicates the " + what + " never changes sign over the levels.";
        }
        MeanInterval m = MeanInterval.of(at.stream().mapToDouble(Double::doubleValue).toArray());
        double min = at.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = at.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return String.format(Locale.ROOT, "Across %d replicates the %s changes sign in %d, near teacher-noise %.3g "
                + "(95%% CI %s, range %.3g to %.3g).", replicates, what, at.size(), m.mean(),
                at.size() > 1 ? String.format(Locale.ROOT, "%.3g to %.3g", m.low(), m.high()) : "n/a", min, max);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static String text(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.3g", v.getAsDouble()) : "none";
    }
}
