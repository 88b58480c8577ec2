package org.milab.plugins.synthetic;

import java.util.Map;
import org.milab.api.testkit.DatasetContract;

/** {@link DatasetContract} for this plugin's generators: all draw n rows, and n = 0 is rejected by name. */
interface GeneratorContract extends DatasetContract {

    @Override
    default Map<Map<String, ?>, String> invalidParameters() {
        return Map.of(Map.of("n", 0), "parameter 'n'");
    }
}
