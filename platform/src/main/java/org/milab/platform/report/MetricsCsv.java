package org.milab.platform.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a node's {@code metrics.csv} ({@code metric,step,value}) into one curve per metric, or per fit where the
 * node fitted several times (the steps restart).
 */
final class MetricsCsv {

    /** Separates a metric's name from the number of its restarted series. */
    static final String SEGMENT = " #";

    private MetricsCsv() {
    }

    static Map<String, RunData.Curve> read(Path file) {
        Curves curves = new Curves();
        try (Reader r = Files.newBufferedReader(file)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                if (rec.size() >= 3) {
                    curves.add(rec.get(0), parse(rec.get(1)), parse(rec.get(2)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return curves.toMap();
    }

    /** The series read so far, each in arrays that double as they fill. */
    private static final class Curves {
        private final Map<String, double[][]> grow = new LinkedHashMap<>();
        private final Map<String, Integer> size = new LinkedHashMap<>();
        private final Map<String, Integer> segments = new LinkedHashMap<>();
        private final Map<String, Double> lastStep = new LinkedHashMap<>();

        void add(String metric, double step, double value) {
            String name = segment(metric, step);
            double[][] xy = grow.computeIfAbsent(name, k -> new double[2][64]);
            int n = size.getOrDefault(name, 0);
            if (n == xy[0].length) {
                xy[0] = java.util.Arrays.copyOf(xy[0], 2 * n);
                xy[1] = java.util.Arrays.copyOf(xy[1], 2 * n);
                grow.put(name, xy);
            }
            xy[0][n] = step;
            xy[1][n] = value;
            size.put(name, n + 1);
        }

        /**
         * The series a row belongs to: a metric whose step goes back (a new fit of the same node, e.g. another
         * seed) starts a new series {@code name #2}, {@code name #3}, ...
         */
        private String segment(String metric, double step) {
            Double last = lastStep.put(metric, step);
            int k = segments.getOrDefault(metric, 1);
            if (last != null && step <= last) {
                segments.put(metric, ++k);
            }
            return k == 1 ? metric : metric + SEGMENT + k;
        }

        /** Each series trimmed to its length; a metric with several series names its first {@code name #1}. */
        Map<String, RunData.Curve> toMap() {
            Map<String, RunData.Curve> out = new LinkedHashMap<>();
            grow.forEach((name, xy) -> out.put(segments.getOrDefault(name, 1) > 1 ? name + SEGMENT + 1 : name,
                    new RunData.Curve(java.util.Arrays.copyOf(xy[0], size.get(name)),
                    java.util.Arrays.copyOf(xy[1], size.get(name)))));
            return out;
        }
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
