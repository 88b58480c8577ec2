package org.milab.plugins.infoplane.estimate;

import org.milab.api.MilabExtension;
import org.milab.api.testkit.ExtensionContract;

class KdeLowerTest implements ExtensionContract {

    @Override
    public MilabExtension extension() {
        return new KdeLower();
    }
}
