package org.milab.platform.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milab.api.analysis.AnalysisResult;
import org.milab.api.analysis.Table;
import org.milab.api.data.GroundTruth;
import org.milab.api.estimate.Estimate;
import org.milab.platform.MilabVersion;
import org.milab.platform.graph.GraphParser;
import org.milab.platform.graph.GraphValidator;
import org.milab.platform.graph.Plan;
import org.milab.platform.graph.PlannedNode;
import org.milab.platform.plugins.PluginHost;
import org.milab.platform.plugins.PluginStatus;
import org.milab.platform.testing.Cli;

/** Node keys change with everything that can change a result, and cached outcomes come back bit for bit. */
class CacheKeysTest {

    private static final String GRAPH = """
            experiment: keys
            seed: 1
            nodes:
              data:
                use: correlated-gaussian
                with: {n: 200, dim: 1, mi: 0.5}
              ksg:
                use: ksg
                with: {k: 3}
                inputs: {x: data.x, y: data.y}
            sweep:
              data.n: [200, 300]
              ksg.k: [3, 4]
            """;

    @TempDir
    Path tmp;

    @Test
    void keysFollowConfigurationSeedsInputsAndPluginFiles() {
        try (PluginHost host = PluginHost.start(List.of(Cli.dist().resolve("plugins")), MilabVersion.current())) {
            List<Plan> plans = new GraphValidator(host.registry()).validate(new GraphParser().parse(GRAPH, "k.yaml"));
            CacheKeys keys = new CacheKeys(host.plugins());
            List<String> ksg = plans.stream().map(p -> keys(keys, p).get("ksg")).toList();
            assertEquals(4, ksg.stream().distinct().count(), "n and k each change the ksg key: " + ksg);
            List<String> data = plans.stream().map(p -> keys(keys, p).get("data")).toList();
            assertEquals(data.get(0), data.get(1), "k does not change the dataset's key");
            assertNotEquals(data.get(0), data.get(2));
            assertEquals(keys(keys, plans.get(0)), keys(new CacheKeys(host.plugins()), plans.get(0)));
            PlannedNode node = plans.get(0).nodes().get(1);
            Map<String, String> inputs = Map.of("data", keys(keys, plans.get(0)).get("data"));
            assertNotEquals(keys.key(node, 1L, inputs), keys.key(node, 2L, inputs), "the seed enters the key");
            List<PluginStatus> changed = new ArrayList<>();
            for (PluginStatus p : host.plugins()) {
                changed.add(new PluginStatus(p.id(), p.version(), p.path(), p.id().equals("estimators-classic")
                        ? "0".repeat(64) : p.sha256(), p.state(), p.problem(), p.extensions()));
            }
            assertNotEquals(keys.key(node, 1L, inputs), new CacheKeys(changed).key(node, 1L, inputs),
                    "another file of the node's plugin gives another key");
            assertEquals(keys(keys, plans.get(0)).get("data"), keys(new CacheKeys(changed), plans.get(0)).get("data"),
                    "another plugin's file leaves the dataset's key alone");
        }
    }

    @Test
    void cachedOutcomesComeBackBitForBitWithTheirFiles() throws Exception {
        try (PluginHost host = PluginHost.start(List.of(Cli.dist().resolve("plugins")), MilabVersion.current())) {
            Plan plan = new GraphValidator(host.registry()).validate(new GraphParser().parse(GRAPH, "k.yaml")).get(0);
            PlannedNode ksg = plan.nodes().get(1);
            Estimate e = Estimate.of(0.1 + 0.2, 200).withStandardError(Math.PI / 1e5).withDiagnostic("k", 3)
                    .withDiagnostic("tiny", Double.MIN_VALUE).withQuantity("matrix-based Renyi MI")
                    .withNote("chose ksg").withWarning("few samples per cell");
            Path folder = tmp.resolve("run/nodes/ksg");
            java.nio.file.Files.createDirectories(folder.resolve("artifacts"));
            java.nio.file.Files.writeString(folder.resolve("artifacts/fig.svg"), "<svg/>");
            AnalysisResult a = new AnalysisResult(List.of(new Table("t", List.of("a", "b"),
                    List.of(List.of("x", 1.5)))), Map.of("s", -0.0), List.of("verdict"),
                    List.of(folder.resolve("artifacts/fig.svg")));
            NodeOutcome computed = new NodeOutcome(ksg, -42L, 0.5, Map.of("estimate", e, "result", a),
                    java.util.Optional.of(new GroundTruth("x", "y", Double.POSITIVE_INFINITY, "closed form")));
            NodeCache cache = new NodeCache(tmp.resolve("cache"));
            cache.store("ab" + "c".repeat(62), computed, folder);
            Path elsewhere = tmp.resolve("other/nodes/ksg");
            NodeOutcome back = cache.lookup("ab" + "c".repeat(62), ksg, elsewhere).orElseThrow();
            assertTrue(back.cached());
            Estimate r = (Estimate) back.outputs().get("estimate");
            assertEquals(Double.doubleToRawLongBits(e.nats()), Double.doubleToRawLongBits(r.nats()));
            assertEquals(e.standardError(), r.standardError());
            assertEquals(e.diagnostics(), r.diagnostics());
            assertEquals(e.quantity(), r.quantity());
            assertEquals(e.notes(), r.notes());
            assertEquals(e.warnings(), r.warnings());
            assertEquals(computed.truth(), back.truth());
            assertEquals(-42L, back.seed());
            AnalysisResult ra = (AnalysisResult) back.outputs().get("result");
            assertEquals(List.of(elsewhere.resolve("artifacts/fig.svg")), ra.figures());
            assertEquals("<svg/>", java.nio.file.Files.readString(elsewhere.resolve("artifacts/fig.svg")));
            assertEquals(a.tables(), ra.tables());
            assertTrue(cache.lookup("ab" + "d".repeat(62), ksg, elsewhere).isEmpty());
        }
    }

    private static Map<String, String> keys(CacheKeys keys, Plan plan) {
        Map<String, String> out = new HashMap<>();
        for (PlannedNode n : plan.nodes()) {
            keys.key(n, Seeds.derive(plan.graph().seed().value(), n.id()), out).ifPresent(k -> out.put(n.id(), k));
        }
        return out;
    }
}
