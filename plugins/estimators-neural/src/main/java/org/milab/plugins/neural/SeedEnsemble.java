package org.milab.plugins.neural;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.milab.api.estimate.Estimate;

/**
 * The estimate of {@code seeds} independent training runs of a variational estimator: a trained critic's bound
 * depends on its initialisation, the train/validation split and the batch order, so one run's value is one draw.
 * With values v<sub>1</sub> … v<sub>S</sub>:
 * <pre>
 *   Î = (1/S) Σ v<sub>s</sub>,    se = sd(v) / √S
 * </pre>
 * se measures the spread of training across seeds (not the sampling error of the data, which the host's
 * {@code stderr} resampling measures). Warnings of any run are kept.
 */
final class SeedEnsemble {

    private SeedEnsemble() {
    }

    /** The engine seed of run {@code s} (s ≥ 1; run 0 keeps the node's seed, so seeds = 1 is the plain estimator). */
    static long seed(long nodeSeed, int s) {
        long z = nodeSeed + s * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Mean and standard error over {@code runs} (at least two). */
    static Estimate of(List<Estimate> runs) {
        int s = runs.size();
        double mean = runs.stream().mapToDouble(Estimate::nats).average().orElseThrow();
        double ss = runs.stream().mapToDouble(e -> (e.nats() - mean) * (e.nats() - mean)).sum();
        double sd = Math.sqrt(ss / (s - 1));
        Estimate e = Estimate.of(mean, runs.get(0).sampleCount()).withStandardError(sd / Math.sqrt(s))
                .withDiagnostic("seeds", s).withDiagnostic("seed-sd-nats", sd)
                .withDiagnostic("seed-min-nats", runs.stream().mapToDouble(Estimate::nats).min().orElseThrow())
                .withDiagnostic("seed-max-nats", runs.stream().mapToDouble(Estimate::nats).max().orElseThrow());
        for (int i = 0; i < s; i++) {
            e = e.withDiagnostic("seed-" + (i + 1) + "-nats", runs.get(i).nats());
        }
        return withWarnings(e.withNote(note(runs, sd)), runs);
    }

    private static String note(List<Estimate> runs, double sd) {
        int s = runs.size();
        return String.format(Locale.ROOT, "mean of %d training runs with different seeds (%s); stderr = "
                + "their sd %.4f / sqrt(%d), the spread of training, not of the data", s,
                runs.stream().map(r -> String.format(Locale.ROOT, "%.4f", r.nats())).collect(Collectors.joining(", ")),
                sd, s);
    }

    /** {@code e} with every run's warnings, in order. */
    private static Estimate withWarnings(Estimate e, List<Estimate> runs) {
        Estimate out = e;
        for (Estimate run : runs) {
            for (String w : run.warnings()) {
                out = out.withWarning(w);
            }
        }
        return out;
    }
}
