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

/** Reads a node's {@code metrics.csv} ({@code metric,step,value}) into one curve per metric. */
final class MetricsCsv {

    private MetricsCsv() {
    }

    static Map<String, RunData.Curve> read(Path file) {
        Map<String, double[][]> grow = new LinkedHashMap<>();
        Map<String, Integer> size = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(file)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                if (rec.size() < 3) {
                    continue;
                }
                String name = rec.get(0);
                double[][] xy = grow.computeIfAbsent(name, k -> new double[2][64]);
                int n = size.getOrDefault(name, 0);
                if (n == xy[0].length) {
                    xy[0] = java.util.Arrays.copyOf(xy[0], 2 * n);
                    xy[1] = java.util.Arrays.copyOf(xy[1], 2 * n);
                    grow.put(name, xy);
                }
                xy[0][n] = parse(rec.get(1));
                xy[1][n] = parse(rec.get(2));
                size.put(name, n + 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, RunData.Curve> out = new LinkedHashMap<>();
        grow.forEach((name, xy) -> out.put(name, new RunData.Curve(java.util.Arrays.copyOf(xy[0], size.get(name)),
                java.util.Arrays.copyOf(xy[1], size.get(name)))));
        return out;
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
