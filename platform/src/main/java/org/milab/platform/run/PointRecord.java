package org.milab.platform.run;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sweep point's results in a form that travels between machines (plain JSON text, strings and bytes): what a
 * distributed executor's task sends back to the driver, which writes them into the run folder exactly as a local
 * run writes its own points.
 *
 * @param index     the point's index in the sweep
 * @param entryJson the point's {@code results.json} entry ({@link ResultsWriter#point}), or for a failed point its
 *                  sweep values and the error
 * @param csvRows   its {@code results.csv} rows ({@link ResultsWriter#csvRows})
 * @param files     files its nodes wrote (metrics, figures, artifacts), by path relative to the run folder
 * @param error     why the point failed, or {@code null}
 */
public record PointRecord(int index, String entryJson, List<List<String>> csvRows, Map<String, byte[]> files,
                          String error) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Copies the collections. */
    public PointRecord {
        csvRows = csvRows.stream().map(List::copyOf).toList();
        files = Map.copyOf(files);
    }

    /** The record of point {@code index}, which ran. */
    public static PointRecord of(int index, PointOutcome point, Map<String, byte[]> files) {
        return new PointRecord(index, Json.compact(ResultsWriter.point(point)), ResultsWriter.csvRows(point), files,
                null);
    }

    /** The record of point {@code index} (swept values {@code sweep}), which failed with {@code error}. */
    public static PointRecord failed(int index, Map<String, Object> sweep, String error) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("sweep", sweep);
        entry.put("nodes", Map.of());
        entry.put("error", error);
        return new PointRecord(index, Json.compact(entry), List.of(), Map.of(), error);
    }

    /** Whether the point failed. */
    public boolean failed() {
        return error != null;
    }

    /** The {@code results.json} entry, numbers read back as they were written. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> entry() {
        return (Map<String, Object>) Json.parseExact(entryJson);
    }
}
