package org.milab.platform.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.milab.api.ConfigurationException;

class GraphParserTest {

    private static final String GRAPH = """
            experiment: demo
            seed: 9
            nodes:
              data:
                use: correlated-gaussian
                with: {n: 100, mi: .inf, hidden: [1, 2], flag: true}
              est:
                use: ksg
                inputs: {x: data.x, y: data.y}
            sweep:
              data.n: [10, 20]
            outputs: [est.estimate]
            """;

    @Test
    void keepsValuesTypesAndPositions() {
        ExperimentGraph g = new GraphParser().parse(GRAPH, "demo.yaml");
        assertEquals("demo", g.name());
        assertEquals(9L, g.seed().value());
        NodeSpec data = g.nodes().get("data");
        assertEquals(100, data.parameters().get("n").value());
        assertEquals(Double.POSITIVE_INFINITY, data.parameters().get("mi").value());
        assertEquals(List.of(1, 2), data.parameters().get("hidden").value());
        assertEquals(Boolean.TRUE, data.parameters().get("flag").value());
        assertEquals(new SourcePosition("demo.yaml", 6, 15), data.parameters().get("n").at());
        PortRef x = g.nodes().get("est").inputs().get("x");
        assertEquals("data", x.node());
        assertEquals("x", x.port());
        assertEquals(9, x.at().line());
        assertEquals(List.of(10, 20), g.sweep().values("data.n").orElseThrow().value());
        assertEquals("est.estimate", g.outputs().get(0).toString());
    }

    @Test
    void collectsStructuralProblems() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new GraphParser().parse("""
                experimnt: demo
                nodes:
                  data:
                    uses: x
                  est:
                    use: ksg
                    inputs: {x: nodot}
                """, "bad.yaml"));
        String m = e.getMessage();
        assertTrue(m.contains("bad.yaml:1:1: unknown top-level key 'experimnt'; did you mean 'experiment'?"), m);
        assertTrue(m.contains("bad.yaml:4:5: unknown key of node 'data' 'uses'; did you mean 'use'?"), m);
        assertTrue(m.contains("bad.yaml:7:17: expected a reference 'node.port'"), m);
    }

    @Test
    void refusesTagsThatWouldCreateObjects() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new GraphParser().parse("""
                experiment: demo
                nodes:
                  a: {use: !!javax.script.ScriptEngineManager [x]}
                """, "evil.yaml"));
        assertTrue(e.getMessage().contains("is not allowed"), e.getMessage());
    }

    @Test
    void valuesFromTheCommandLineAreYaml() {
        assertEquals(5, GraphParser.parseValue("5", "--set"));
        assertEquals(0.5, GraphParser.parseValue("0.5", "--set"));
        assertEquals("bootstrap", GraphParser.parseValue("bootstrap", "--set"));
        assertEquals(List.of(3, 4), GraphParser.parseValue("[3, 4]", "--set"));
    }
}
