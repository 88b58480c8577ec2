package org.milab.platform.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.milab.api.ConfigurationException;
import org.milab.api.data.Samples;
import org.milab.platform.executor.ClusterEngine;
import org.milab.platform.graph.StandardErrors;
import org.milab.platform.plugins.PluginHost;
import org.milab.platform.screen.FeatureColumns;
import org.milab.platform.screen.FeatureScore;
import org.milab.platform.screen.FeatureScreen;
import org.milab.platform.screen.LocalScreen;
import org.milab.platform.screen.ScreenJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code milab screen DATA.csv --target COL}: the MI of every feature column with the target column (marginal MI
 * screening, as fastHDMI does), each with a standard error by half-sample subsampling, sorted by MI. Runs on
 * {@code --jobs} threads here, or partitioned by feature columns over Spark tasks with {@code --executor spark}.
 */
@Command(name = "screen", description = "Rank every feature column of a CSV file by its MI with a target column.")
final class ScreenCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { TEXT, JSON, CSV }

    @Mixin
    HostOptions host;

    @Parameters(paramLabel = "DATA.csv", description = "CSV file with a header row (.csv or .csv.gz)")
    Path data;

    @Option(names = "--target", required = true, paramLabel = "COL", description = "the target column")
    String target;

    @Option(names = "--features", split = ",", paramLabel = "COLS",
            description = "the feature columns (default: every column but the target)")
    List<String> features = new ArrayList<>();

    @Option(names = "--estimator", paramLabel = "NAME", description = "MI estimator (default: ${DEFAULT-VALUE})")
    String estimator = "ksg";

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "estimator parameter (repeatable), e.g. k=5")
    List<String> sets = new ArrayList<>();

    @Option(names = "--stderr", paramLabel = "METHOD",
            description = "standard error: none, bootstrap or subsample (default: ${DEFAULT-VALUE})")
    StandardErrors.Method stderr = StandardErrors.Method.SUBSAMPLE;

    @Option(names = "--top", paramLabel = "K", description = "print only the K features of highest MI (0: all)")
    int top;

    @Option(names = "--jobs", paramLabel = "N", description = "threads with --executor local (default: all cores)")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--seed", description = "seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, json or csv (default: ${DEFAULT-VALUE})")
    Format format = Format.TEXT;

    @Mixin
    ExecutorOptions executor;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        boolean spark = executor.spark();
        checkOptions();
        ScreenJob job = new ScreenJob(estimator, withStderr(), seed);
        try (PluginHost h = host.startHost()) {
            String qualified = qualifiedEstimator(h, job);
            FeatureColumns columns = read();
            PrintWriter err = spec.commandLine().getErr();
            Timed timed = spark ? onSpark(err, job, columns)
                    : timed(err, columns, p -> new LocalScreen(h.registry(), jobs).screen(job, columns, p));
            return report(new ScreenOutput(data, target, qualified, job, timed.scores(), timed.seconds()), err);
        }
    }

    /** Prints the result and warns of failed features; a run failure when every feature failed. */
    private int report(ScreenOutput result, PrintWriter err) {
        result.print(spec.commandLine().getOut(), format, top);
        result.warnFailures(err);
        return result.allFailed() ? ExitCodes.RUN_FAILURE : ExitCodes.OK;
    }

    /** The qualified name of the job's estimator, checked to exist before the data is read. */
    private static String qualifiedEstimator(PluginHost h, ScreenJob job) {
        try (FeatureScreen check = new FeatureScreen(h.registry(), job)) {
            return check.estimator();
        }
    }

    private Timed onSpark(PrintWriter err, ScreenJob job, FeatureColumns columns) {
        try (ClusterEngine engine = executor.open(host)) {
            return timed(err, columns, p -> engine.screens().screen(job, columns, p));
        }
    }

    /** Scores and the wall time of the screen itself (not of reading the data or starting Spark). */
    private record Timed(List<FeatureScore> scores, double seconds) {
    }

    private static Timed timed(PrintWriter err, FeatureColumns columns,
                               java.util.function.Function<ScreenProgress, List<FeatureScore>> screen) {
        ScreenProgress progress = new ScreenProgress(err, columns.size());
        long t0 = System.nanoTime();
        List<FeatureScore> scores = screen.apply(progress);
        progress.done();
        return new Timed(scores, (System.nanoTime() - t0) / 1e9);
    }

    private void checkOptions() {
        if (top < 0) {
            throw new ConfigurationException("--top " + top, "expected 0 (all) or a positive number of features");
        }
        if (jobs < 1) {
            throw new ConfigurationException("--jobs " + jobs, "expected at least 1 thread");
        }
        if (features.contains(target)) {
            throw new ConfigurationException("--features", "the target column '" + target + "' is also a feature");
        }
    }

    /** The estimator's parameters with {@code stderr} from {@code --stderr} unless a {@code --set} gives it. */
    private List<String> withStderr() {
        List<String> all = new ArrayList<>(sets);
        if (all.stream().noneMatch(s -> s.trim().startsWith(StandardErrors.METHOD.name() + "="))) {
            all.add(StandardErrors.METHOD.name() + "=" + stderr.name().toLowerCase(java.util.Locale.ROOT));
        }
        return all;
    }

    private FeatureColumns read() {
        List<String> names = features.isEmpty() ? CsvSamples.header(data).stream().filter(c -> !c.equals(target))
                .toList() : features;
        if (names.isEmpty()) {
            throw new ConfigurationException(data.toString(), "has no feature column besides the target '"
                    + target + "'");
        }
        List<Samples> read = CsvSamples.read(data, List.of(List.of(target), names));
        Samples x = read.get(1);
        List<double[]> cols = new ArrayList<>(names.size());
        for (int j = 0; j < names.size(); j++) {
            cols.add(x.column(j));
        }
        return new FeatureColumns(read.get(0), names, cols);
    }
}
