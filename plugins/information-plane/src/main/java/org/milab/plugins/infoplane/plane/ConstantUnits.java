package org.milab.plugins.infoplane.plane;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.milab.api.data.Samples;

/**
 * Drops the units of a layer that are constant on the probe set (dead ReLUs, saturated units). A constant carries no
 * information, I(X; (T, c)) = I(X; T), so the estimates are unchanged in theory, while estimators that need
 * variation in every column (KSG, KDE with standardising) can still run.
 */
final class ConstantUnits {

    private ConstantUnits() {
    }

    /** Whether column {@code c} holds more than one value. */
    private static boolean varies(Samples t, int c) {
        double first = t.get(0, c);
        for (int r = 1; r < t.rows(); r++) {
            if (t.get(r, c) != first) {
                return true;
            }
        }
        return false;
    }

    /** The varying columns of {@code t}; empty when every unit is constant (then I(X;T) = I(T;Y) = 0). */
    static Optional<Samples> dropped(Samples t) {
        List<String> keep = new ArrayList<>();
        for (int c = 0; c < t.cols(); c++) {
            if (varies(t, c)) {
                keep.add(t.columnNames().get(c));
            }
        }
        if (keep.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(keep.size() == t.cols() ? t : t.selectColumns(keep));
    }
}
