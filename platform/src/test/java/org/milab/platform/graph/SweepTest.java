package org.milab.platform.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.milab.api.ConfigurationException;

/** The sweep forms: product axes, zip, random draws and seed repeats, combined and validated. */
class SweepTest {

    private static ExperimentGraph parse(String sweep) {
        return new GraphParser().parse("""
                experiment: demo
                seed: 9
                nodes:
                  data:
                    use: correlated-gaussian
                  est:
                    use: ksg
                    inputs: {x: data.x, y: data.y}
                sweep:
                """ + sweep.indent(2), "demo.yaml");
    }

    private static List<Map<String, Object>> values(ExperimentGraph g) {
        return g.sweep().points(g.seed().value()).stream().map(p -> {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            p.forEach((k, v) -> m.put(k, v.value()));
            return m;
        }).toList();
    }

    @Test
    void zipRunsListsInParallelInsideTheProduct() {
        List<Map<String, Object>> points = values(parse("""
                data.n: [100, 200]
                zip: {data.mi: [0.5, 1.0, 2.0], est.k: [3, 5, 7]}
                """));
        assertEquals(6, points.size());
        assertEquals(Map.of("data.n", 100, "data.mi", 0.5, "est.k", 3), points.get(0));
        assertEquals(Map.of("data.n", 100, "data.mi", 2.0, "est.k", 7), points.get(2));
        assertEquals(Map.of("data.n", 200, "data.mi", 1.0, "est.k", 5), points.get(4));
    }

    @Test
    void randomDrawsAreInRangeAndFollowTheExperimentSeed() {
        String sweep = "random: {n: 50, est.k: [2, 8], data.mi: [0.1, 0.9], data.n: {log: [10, 10000]},"
                + " data.dim: {choice: [1, 4]}}";
        ExperimentGraph g = parse(sweep);
        List<Map<String, Object>> points = values(g);
        assertEquals(50, points.size());
        Set<Object> ks = new HashSet<>();
        for (Map<String, Object> p : points) {
            int k = (Integer) p.get("est.k");
            double mi = (Double) p.get("data.mi");
            double n = (Double) p.get("data.n");
            assertTrue(k >= 2 && k <= 8 && mi >= 0.1 && mi < 0.9 && n >= 10 && n < 10000, p.toString());
            assertTrue(List.of(1, 4).contains(p.get("data.dim")), p.toString());
            ks.add(k);
        }
        assertEquals(7, ks.size(), "50 draws of k in [2, 8] cover all seven values");
        assertEquals(points, values(g), "the same seed draws the same points");
        assertNotEquals(points, values(g.withSeed(new Located<>(10L, g.seed().at()))));
    }

    @Test
    void seedsRepeatTheGraphWithDistinctDerivedSeeds() {
        ExperimentGraph g = parse("data.n: [100, 200]\nseeds: 5\n");
        List<Map<String, Object>> points = values(g);
        assertEquals(10, points.size());
        Set<Object> seeds = new HashSet<>();
        points.subList(0, 5).forEach(p -> seeds.add(p.get("seed")));
        assertEquals(5, seeds.size());
        assertEquals(points.get(0).get("seed"), points.get(5).get("seed"), "each n gets the same five repeats");
        ExperimentGraph applied = Sweep.apply(g, g.sweep().points(9).get(3));
        assertEquals(((Number) points.get(3).get("seed")).longValue(), applied.seed().value());
        assertEquals(100, applied.nodes().get("data").parameters().get("n").value());
    }

    @Test
    void badFormsAreReportedWithFileAndLine() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> parse("""
                zip: {data.mi: [0.5, 1.0], est.k: [3, 5, 7]}
                random: {n: 0, data.dim: [8, 2]}
                seeds: many
                data.mi: [1.0]
                nodot: [1]
                """));
        String m = e.getMessage();
        assertTrue(m.contains("demo.yaml:10:30: zip list 'est.k' has 3 values but the first has 2"), m);
        assertTrue(m.contains("demo.yaml:11:15: 'random n' must be a whole number from 1 to 100000"), m);
        assertTrue(m.contains("demo.yaml:11:28: random range of 'data.dim' must be two numbers lo < hi"), m);
        assertTrue(m.contains("demo.yaml:12:10: 'seeds' must be a whole number"), m);
        assertTrue(m.contains("demo.yaml:13:3: 'data.mi' is swept twice"), m);
        assertTrue(m.contains("demo.yaml:14:3: sweep key 'nodot' must be 'node.parameter'"), m);
    }

    @Test
    void noSweepIsOnePoint() {
        ExperimentGraph g = new GraphParser().parse("experiment: one\nnodes:\n  d: {use: x}\n", "one.yaml");
        assertTrue(g.sweep().isEmpty());
        assertEquals(List.of(Map.of()), values(g));
    }
}
