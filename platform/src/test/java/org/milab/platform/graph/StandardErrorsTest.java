package org.milab.platform.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.estimate.Estimate;
import org.milab.api.param.ParameterValues;

class StandardErrorsTest {

    @Test
    void resamplingReportsProgressAfterEveryEstimation() {
        ParameterValues host = ParameterValues.bind(List.of(StandardErrors.METHOD, StandardErrors.RESAMPLES),
                new java.util.LinkedHashMap<>(Map.of("stderr", "subsample", "stderr-resamples", 4)));
        List<String> seen = new ArrayList<>();
        Estimate e = StandardErrors.estimate(10, 1, host, rows -> Estimate.of(rows == null ? 1.0 : rows[0], 10),
                (done, total) -> seen.add(done + "/" + total));
        assertEquals(List.of("1/5", "2/5", "3/5", "4/5", "5/5"), seen);
        assertTrue(e.standardError().isPresent());
    }
}
