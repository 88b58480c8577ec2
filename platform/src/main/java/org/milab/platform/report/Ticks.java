package org.milab.platform.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** "Nice" axis ticks: steps of 1, 2 or 5 times a power of ten, about five per axis. */
final class Ticks {

    private Ticks() {
    }

    /** Tick positions inside [lo, hi]. */
    static List<Double> of(double lo, double hi) {
        List<Double> ticks = new ArrayList<>();
        if (!(hi > lo)) {
            ticks.add(lo);
            return ticks;
        }
        double raw = (hi - lo) / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double step = (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * mag;
        for (double t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return ticks;
    }

    /** A short label for a tick value. */
    static String label(double v) {
        if (v != 0 && (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3)) {
            return String.format(Locale.ROOT, "%.0e", v);
        }
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
