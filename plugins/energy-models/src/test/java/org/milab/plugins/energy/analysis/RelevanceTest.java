package org.milab.plugins.energy.analysis;

import org.milab.api.MilabExtension;
import org.milab.api.testkit.ExtensionContract;

class RelevanceTest implements ExtensionContract {

    @Override
    public MilabExtension extension() {
        return new Relevance();
    }
}
