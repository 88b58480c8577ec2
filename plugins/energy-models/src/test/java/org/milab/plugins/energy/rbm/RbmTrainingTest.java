package org.milab.plugins.energy.rbm;

import org.milab.api.MilabExtension;
import org.milab.api.testkit.ExtensionContract;

class RbmTrainingTest implements ExtensionContract {

    @Override
    public MilabExtension extension() {
        return new RbmTraining();
    }
}
