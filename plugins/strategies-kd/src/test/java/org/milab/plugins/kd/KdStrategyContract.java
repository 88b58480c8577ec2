package org.milab.plugins.kd;

import java.util.Map;
import org.milab.api.MilabExtension;
import org.milab.api.testkit.StrategyContract;
import org.milab.plugins.classic.knn.Ksg1;
import org.milab.plugins.kd.loss.Crd;
import org.milab.plugins.kd.loss.FitNets;
import org.milab.plugins.kd.loss.HintonKd;
import org.milab.plugins.kd.loss.Vid;
import org.milab.plugins.models.ConcatFusion;
import org.milab.plugins.models.LateFusion;
import org.milab.plugins.models.Mlp;

/** {@link StrategyContract} for this plugin's strategies: small two-view data and every component they resolve. */
interface KdStrategyContract extends StrategyContract {

    @Override
    default Map<String, Object> contractInputs() {
        return Map.of("dataset", TinyData.twoViews(200, 0.5, 3));
    }

    @Override
    default MilabExtension[] contractComponents() {
        return new MilabExtension[] {new Mlp(), new ConcatFusion(), new LateFusion(), new HintonKd(), new FitNets(),
            new Crd(), new Vid(), new Ksg1()};
    }
}
