package org.milab.platform.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One indexed run, as {@link RunStore#list(RunFilter)} returns it.
 *
 * @param id           the run folder's name, e.g. {@code 20261202-132403-a1b2c3}
 * @param experiment   the experiment name
 * @param folder       the run folder (absolute)
 * @param status       {@code ok}, {@code failed}, or {@code incomplete} (killed or still running)
 * @param seed         the experiment seed
 * @param started      ISO-8601 start time; empty when unknown
 * @param ended        ISO-8601 end time; empty when unknown
 * @param milab        the milab version that ran it; empty when unknown
 * @param error        the run's error, when it failed
 * @param points       number of recorded sweep points
 * @param failedPoints how many of them failed
 */
public record StoredRun(String id, String experiment, Path folder, String status, long seed, String started,
                        String ended, String milab, Optional<String> error, int points, int failedPoints) {
}
