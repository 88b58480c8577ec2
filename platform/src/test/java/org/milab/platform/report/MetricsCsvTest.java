package org.milab.platform.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCsvTest {

    @TempDir
    Path tmp;

    @Test
    void aMetricWhoseStepsRestartIsOneSeriesPerFit() throws IOException {
        Path f = Files.writeString(tmp.resolve("metrics.csv"), "metric,step,value\nloss,1,3\nloss,2,2\nacc,1,0.5\n"
                + "loss,1,4\nloss,2,1\nloss,3,0.5\n");
        Map<String, RunData.Curve> m = MetricsCsv.read(f);
        assertEquals(List.of("loss #1", "acc", "loss #2"), List.copyOf(m.keySet()));
        assertArrayEquals(new double[] {1, 2, 3}, m.get("loss #2").steps());
        assertArrayEquals(new double[] {4, 1, 0.5}, m.get("loss #2").values());
        assertArrayEquals(new double[] {0.5}, m.get("acc").values());
    }

    @Test
    void fitsShareOneChartWithOneSeriesEach() {
        RunData run = new RunData(tmp, "", Map.of(), Map.of(), Map.of(), Map.of(), List.of(new RunData.NodeMetrics(
                "nodes/cch", Map.of("loss #1", new RunData.Curve(new double[] {1, 2}, new double[] {2, 1}),
                "loss #2", new RunData.Curve(new double[] {1, 2}, new double[] {3, 1})))), List.of());
        List<String> svgs = MetricCharts.svgs(Map.of("r", run));
        assertEquals(1, svgs.size());
        assertEquals(2, svgs.get(0).split("<polyline", -1).length - 1);
        assertEquals(true, svgs.get(0).contains(">fit 2</text>"));
    }
}
