package org.milab.plugins.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.milab.api.testkit.DatasetContract;

/**
 * {@link DatasetContract} for a file reader: the contract reads the small file {@link #contractFiles()} writes,
 * reading does not depend on the seed, and a missing file is an error that names it.
 */
interface FileDatasetContract extends DatasetContract {

    /** The parameter that names the file. */
    String fileParameter();

    /** Writes the contract's files; the parameters that read them. */
    Map<String, ?> contractFiles() throws IOException;

    @Override
    default Map<String, ?> contractParameters() {
        try {
            return contractFiles();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    default boolean stochastic() {
        return false;
    }

    @Override
    default Map<Map<String, ?>, String> invalidParameters() {
        return Map.of(Map.of(fileParameter(), "no-such-folder/missing-file"), "missing-file");
    }
}
