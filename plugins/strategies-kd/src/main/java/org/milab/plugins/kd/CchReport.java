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

/** Turns the levels of a {@link Cch} run into its table, scalars, verdicts and figure. */
final class CchReport {

    private CchReport() {
    }

    static AnalysisResult of(List<Cch.Level> levels, Task task, Path artifacts) {
        return of(levels, task, artifacts, "seeds");
    }

    /** As {@link #of(List, Task, Path)}; {@code over} names what the intervals are over ("seeds", "replicates"). */
    static AnalysisResult of(List<Cch.Level> levels, Task task, Path artifacts, String over) {
        String metric = task == Task.CLASSIFICATION ? "accuracy" : "test loss";
        String gainName = task == Task.CLASSIFICATION ? "accuracy gain (KD - no KD)" : "loss reduction (no KD - KD)";
        List<List<Object>> rows = new ArrayList<>();
        List<String> verdicts = new ArrayList<>();
        for (Cch.Level l : levels) {
            rows.add(row(l, predicted(l), l.gain().sign()));
            verdicts.add(verdict(l, predicted(l), l.gain().sign(), gainName, over));
        }
        Agreement agreement = Agreement.of(levels);
        OptionalDouble gapCross = crossing(levels, true);
        OptionalDouble gainCross = crossing(levels, false);
        Map<String, Double> scalars = scalars(levels, agreement, gapCross, gainCross);
        verdicts.add(agreement.verdict(levels.size(), gapCross, gainCross));
        Path figure = CchPlot.write(artifacts, levels, gainName);
        return new AnalysisResult(List.of(table(metric, rows)), scalars, verdicts, List.of(figure));
    }

    /** The sign of the gain the CCH predicts at a level: 1 (KD helps) when the gap is positive, else -1. */
    private static int predicted(Cch.Level l) {
        return l.gap() > 0 ? 1 : -1;
    }

    /**
     * How the levels bear out the CCH.
     *
     * @param significant levels whose gain interval excludes 0
     * @param agree       of those, the levels whose gain has the predicted sign
     */
    private record Agreement(int significant, int agree) {

        static Agreement of(List<Cch.Level> levels) {
            int significant = 0;
            int agree = 0;
            for (Cch.Level l : levels) {
                int observed = l.gain().sign();
                if (observed != 0) {
                    significant++;
                    agree += observed == predicted(l) ? 1 : 0;
                }
            }
            return new Agreement(significant, agree);
        }

        /** The closing verdict over all {@code levels} levels. */
        String verdict(int levels, OptionalDouble gapCross, OptionalDouble gainCross) {
            return String.format(Locale.ROOT, "The gap %s; the mean gain %s. %d of %d levels show a significant "
                            + "effect, %d of them in the predicted direction.", signChange(gapCross),
                    signChange(gainCross), significant, levels, agree);
        }
    }

    private static String observedText(int observed) {
        return observed > 0 ? "helps" : observed < 0 ? "hurts" : "no significant effect";
    }

    /** The table row of one level. */
    private static List<Object> row(Cch.Level l, int predicted, int observed) {
        return List.of(l.noise(), l.teacherStudent(), l.studentLabel(), l.gap(), l.gapInterval().low(),
                l.gapInterval().high(), l.teacherAccuracy(), l.plain(), l.distilled(), l.gain().mean(),
                l.gain().low(), l.gain().high(),
                predicted > 0 ? "helps" : "does not help", observedText(observed));
    }

    /** The plain-words verdict of one level: the prediction, the measured gain and whether they agree. */
    private static String verdict(Cch.Level l, int predicted, int observed, String gainName, String over) {
        return String.format(Locale.ROOT, "teacher-noise %s: gap %+.3f nats, so the CCH predicts that KD %s; "
                        + "measured %s %+.4f (95%% CI %+.4f to %+.4f over %d %s): %s%s.", num(l.noise()),
                l.gap(), predicted > 0 ? "helps" : "does not help", gainName, l.gain().mean(), l.gain().low(),
                l.gain().high(), l.gain().values(), over, observedText(observed),
                observed == 0 ? "" : observed == predicted ? ", as predicted" : ", against the prediction");
    }

    private static Map<String, Double> scalars(List<Cch.Level> levels, Agreement agreement, OptionalDouble gapCross,
                                               OptionalDouble gainCross) {
        Map<String, Double> scalars = new LinkedHashMap<>();
        scalars.put("levels", (double) levels.size());
        scalars.put("significant-levels", (double) agreement.significant());
        if (agreement.significant() > 0) {
            scalars.put("agreement", (double) agreement.agree() / agreement.significant());
        }
        gapCross.ifPresent(v -> scalars.put("gap-sign-change-at", v));
        gainCross.ifPresent(v -> scalars.put("gain-sign-change-at", v));
        if (levels.size() > 2) {
            scalars.put("gap-gain-correlation", correlation(levels));
        }
        return scalars;
    }

    private static String signChange(OptionalDouble crossing) {
        return crossing.isPresent() ? "changes sign near teacher-noise " + num(crossing.getAsDouble())
                : "does not change sign over the levels";
    }

    private static Table table(String metric, List<List<Object>> rows) {
        return new Table("CCH: MI gap against the measured effect of cross-modal KD (" + metric + ")",
                List.of("teacher-noise", "I(T;S) nats", "I(S;Y) nats", "gap nats", "gap 95% low", "gap 95% high",
                        "teacher " + metric,
                        "student " + metric + " (no KD)", "student " + metric + " (KD)", "gain", "gain 95% low",
                        "gain 95% high", "CCH prediction", "observed"), rows);
    }

    /** The first teacher-noise level where the gap (or the mean gain) changes sign, linearly interpolated. */
    static OptionalDouble crossing(List<Cch.Level> levels, boolean gap) {
        for (int i = 1; i < levels.size(); i++) {
            double a = gap ? levels.get(i - 1).gap() : levels.get(i - 1).gain().mean();
            double b = gap ? levels.get(i).gap() : levels.get(i).gain().mean();
            if (a == 0) {
                return OptionalDouble.of(levels.get(i - 1).noise());
            }
            if (a * b < 0) {
                double x0 = levels.get(i - 1).noise();
                double x1 = levels.get(i).noise();
                return OptionalDouble.of(x0 + (x1 - x0) * a / (a - b));
            }
        }
        return OptionalDouble.empty();
    }

    /** Pearson's correlation of the levels' gaps and mean gains (0 when either is constant). */
    private static double correlation(List<Cch.Level> levels) {
        double mx = mean(levels, Cch.Level::gap);
        double my = mean(levels, l -> l.gain().mean());
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (Cch.Level l : levels) {
            double dx = l.gap() - mx;
            double dy = l.gain().mean() - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
    }

    /** The mean of {@code value} over {@code items}, summed as value / n (as the level means are). */
    static <T> double mean(List<T> items, ToDoubleFunction<? super T> value) {
        int n = items.size();
        double m = 0;
        for (T item : items) {
            m += value.applyAsDouble(item) / n;
        }
        return m;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
