package org.milab.platform.report;

import java.nio.file.Path;
import java.util.Map;

/**
 * One run as listed by a {@link RunCatalog}.
 *
 * @param id the run's id (its folder name, {@code yyyyMMdd-HHmmss-<hex>})
 * @param experiment the experiment name
 * @param folder the run folder
 * @param status {@code ok}, {@code failed}, {@code running} or {@code interrupted} (see {@link RunStatus})
 * @param start start time (ISO-8601), empty when unknown
 * @param parameters every node parameter as {@code node.param} and every swept key, as text
 */
public record RunEntry(String id, String experiment, Path folder, String status, String start,
        Map<String, String> parameters) {

    /** Copies the map. */
    public RunEntry {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }
}
