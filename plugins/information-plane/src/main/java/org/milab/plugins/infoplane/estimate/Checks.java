package org.milab.plugins.infoplane.estimate;

import org.milab.api.InvalidDataException;
import org.milab.api.data.Samples;

/** The input checks the estimators of this package run before any arithmetic. */
final class Checks {

    private Checks() {
    }

    /** Paired, at least two rows, finite values. */
    static void paired(Samples x, Samples y) {
        if (x.rows() != y.rows()) {
            throw new InvalidDataException("inputs 'x' and 'y' must be paired row by row, but 'x' has " + x.rows()
                    + " rows and 'y' has " + y.rows());
        }
        if (x.rows() < 2) {
            throw new InvalidDataException("input 'x' has " + x.rows() + " rows; this estimator needs at least 2");
        }
        x.requireFinite("input 'x'");
        y.requireFinite("input 'y'");
    }
}
