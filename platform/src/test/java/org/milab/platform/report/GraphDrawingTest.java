package org.milab.platform.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphDrawingTest {

    private static final List<GraphDrawing.Node> NODES = List.of(
            new GraphDrawing.Node("report", "cch", Map.of("a", "ksg", "b", "train")),
            new GraphDrawing.Node("data", "gauss", Map.of()),
            new GraphDrawing.Node("ksg", "ksg", Map.of("x", "data", "y", "data")),
            new GraphDrawing.Node("train", "supervised", Map.of("dataset", "data", "e", "ksg")));

    @Test
    void aNodesLayerIsTheLongestPathIntoIt() {
        assertEquals(Map.of("data", 0, "ksg", 1, "train", 2, "report", 3), GraphDrawing.layers(NODES));
    }

    @Test
    void everyNodeAndWiringIsDrawnOnceWithItsPorts() {
        String svg = GraphDrawing.svg(NODES);
        assertEquals(4, svg.split("<g class=\"node\">", -1).length - 1);
        assertEquals(5, svg.split("<path class=\"edge\"", -1).length - 1, "two ports of one source share an edge");
        assertTrue(svg.contains(">x, y</text>") || svg.contains(">y, x</text>"), "the shared edge names both ports");
    }

    @Test
    void aCycleDoesNotLoopForever() {
        List<GraphDrawing.Node> cycle = List.of(new GraphDrawing.Node("a", "u", Map.of("in", "b")),
                new GraphDrawing.Node("b", "u", Map.of("in", "a")));
        assertTrue(GraphDrawing.svg(cycle).contains("<svg"));
    }
}
