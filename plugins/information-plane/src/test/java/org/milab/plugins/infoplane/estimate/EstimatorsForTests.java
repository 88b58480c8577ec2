package org.milab.plugins.infoplane.estimate;

import java.util.List;
import org.milab.api.MilabExtension;

/** Every estimator of this plugin, for tests in other packages that resolve them as components. */
public final class EstimatorsForTests {

    private EstimatorsForTests() {
    }

    public static List<MilabExtension> all() {
        return List.of(new LayerBinning(), new AdaptiveBinning(), new KdeUpper(), new KdeLower(), new AdaptiveKde());
    }
}
