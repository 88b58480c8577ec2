package org.milab.plugins.infoplane.plane;

import java.util.ArrayList;
import java.util.List;
import org.milab.api.analysis.Table;

/** The result tables of the information-plane analysis. */
final class PlaneTables {

    private PlaneTables() {
    }

    /** Every estimated point. */
    static Table points(List<PlanePoint> points) {
        List<List<Object>> rows = new ArrayList<>();
        for (PlanePoint p : points) {
            rows.add(List.of(p.estimator(), p.seed(), p.epoch(), p.layer(), p.name(), p.ixt(), p.ity()));
        }
        return new Table("information plane, every seed (bits)",
                List.of("estimator", "seed", "epoch", "layer", "name", "I(X;T)", "I(T;Y)"), rows);
    }

    /** Means and intervals over seeds. */
    static Table summary(List<LayerCurve> curves, double confidence) {
        List<List<Object>> rows = new ArrayList<>();
        for (LayerCurve c : curves) {
            for (int i = 0; i < c.epochs().length; i++) {
                MeanBand a = c.ixt().get(i);
                MeanBand b = c.ity().get(i);
                rows.add(List.of(c.estimator(), c.epochs()[i], c.layer(), c.name(), a.values(), a.mean(), a.low(),
                        a.high(), b.mean(), b.low(), b.high()));
            }
        }
        String level = Math.round(100 * confidence) + "%";
        return new Table("information plane, mean over seeds with " + level + " t-intervals (bits)",
                List.of("estimator", "epoch", "layer", "name", "seeds", "I(X;T)", "I(X;T) low", "I(X;T) high",
                        "I(T;Y)", "I(T;Y) low", "I(T;Y) high"), rows);
    }
}
