package org.milab.plugins.infoplane.capture;

import java.nio.file.Path;
import java.util.List;
import org.milab.api.InvalidDataException;
import org.milab.api.data.Samples;
import org.milab.api.train.TrainingResult;

/**
 * How a capture folder travels from the training node to the analysis inside a {@link TrainingResult}: the SPI's
 * result carries models, metrics and sample matrices but no file references, so the folder is the one column name
 * of a 1 x 1 representation {@value #KEY} whose value is the number of snapshots. This is the only place that knows
 * the encoding; the probe inputs and labels travel as ordinary representations {@value #PROBE_X} and
 * {@value #PROBE_Y}.
 */
public final class CaptureHandle {

    /** Representation holding the folder. */
    public static final String KEY = "activation-capture";
    /** Representation holding the probe inputs X. */
    public static final String PROBE_X = "probe-x";
    /** Representation holding the probe labels Y. */
    public static final String PROBE_Y = "probe-y";

    private CaptureHandle() {
    }

    /** The representation naming {@code folder}. */
    static Samples of(Path folder, int snapshots) {
        return Samples.wrap(1, 1, new double[] {snapshots}, List.of(folder.toAbsolutePath().toString()));
    }

    /**
     * The capture folder of a result written by {@code capture-training}.
     *
     * @throws InvalidDataException when the result holds no capture
     */
    public static Path folder(TrainingResult result) {
        Samples s = result.representations().get(KEY);
        if (s == null) {
            throw new InvalidDataException("the training result wired into 'capture' holds no activation capture "
                    + "(representations: " + result.representations().keySet() + "); wire a capture-training node");
        }
        return Path.of(s.columnNames().get(0));
    }
}
