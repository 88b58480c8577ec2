package org.milab.plugins.infoplane.estimate;

import org.milab.api.MilabExtension;
import org.milab.api.testkit.ExtensionContract;

class KdeUpperTest implements ExtensionContract {

    @Override
    public MilabExtension extension() {
        return new KdeUpper();
    }
}
