package org.milab.plugins.classic.kde;

import org.milab.api.param.Parameter;

/** Parameters shared by the kernel estimators. */
final class KdeParameters {

    static final Parameter<BandwidthRule> RULE = Parameter.choice("bandwidth-rule", BandwidthRule.class)
            .defaultValue(BandwidthRule.SCOTT).description("how the kernel bandwidth is chosen").build();

    static final Parameter<Double> BANDWIDTH = Parameter.real("bandwidth").defaultValue(0.25).range(1e-6, 1e6)
            .unit("standard deviations").description("kernel bandwidth when bandwidth-rule = fixed").build();

    private KdeParameters() {
    }
}
