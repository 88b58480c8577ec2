package org.milab.plugins.energy.hfm;

import org.milab.api.MilabExtension;
import org.milab.api.testkit.ExtensionContract;

class HfmTrainingTest implements ExtensionContract {

    @Override
    public MilabExtension extension() {
        return new HfmTraining();
    }
}
