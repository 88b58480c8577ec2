package org.milab.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.milab.api.data.Dataset;
import org.milab.api.data.DatasetProvider;
import org.milab.api.testkit.DatasetContract;

class TwelveBitTest implements DatasetContract {

    @Override
    public DatasetProvider dataset() {
        return new TwelveBit();
    }

    /** With the default gamma = inf every pattern appears once with its deterministic label: no draw. */
    @Override
    public boolean stochastic() {
        return false;
    }

    @Override
    public Map<Map<String, ?>, String> invalidParameters() {
        return Map.of(Map.of("copies", 0), "parameter 'copies'");
    }

    @Test
    void allPatternsOnceWithBalancedDeterministicLabels() {
        Dataset d = Moments.load(new TwelveBit(), 1, Map.of());
        assertEquals(4096, d.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 4096; i++) {
            seen.add(java.util.Arrays.toString(d.view("x").row(i)));
        }
        assertEquals(4096, seen.size());
        double ones = Moments.mean(d.view("label").column(0)) * 4096;
        assertEquals(2036, ones, 1e-9);
        double p = 2036 / 4096.0;
        double h = -p * Math.log(p) - (1 - p) * Math.log(1 - p);
        assertEquals(h, d.trueMi("x", "label").orElseThrow().nats(), 1e-12);
    }

    @Test
    void verticesAreAnIcosahedronAndTheRuleIsRotationInvariant() {
        double[][] v = TwelveBit.vertices();
        for (double[] a : v) {
            int neighbours = 0;
            for (double[] b : v) {
                double dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
                neighbours += Math.abs(dot - 1 / Math.sqrt(5)) < 1e-9 ? 1 : 0;
            }
            assertEquals(5, neighbours, "each vertex has 5 nearest neighbours");
        }
        // the antipodal map v -> -v permutes the vertices and leaves f unchanged
        double[] f = TwelveBit.ruleValues();
        int[] antipode = new int[12];
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 12; j++) {
                if (Math.abs(v[i][0] + v[j][0]) + Math.abs(v[i][1] + v[j][1]) + Math.abs(v[i][2] + v[j][2]) < 1e-12) {
                    antipode[i] = j;
                }
            }
        }
        for (int pattern = 0; pattern < 4096; pattern++) {
            int image = 0;
            for (int b = 0; b < 12; b++) {
                if (((pattern >> (11 - b)) & 1) == 1) {
                    image |= 1 << (11 - antipode[b]);
                }
            }
            assertEquals(f[pattern], f[image], 1e-9);
        }
    }

    @Test
    void noisyLabelsFollowTheSigmoidAndLowerTheInformation() {
        double[] p = TwelveBit.probabilities(2.0);
        double truth = TwelveBit.mutualInformation(p);
        assertTrue(truth > 0 && truth < Math.log(2));
        int copies = 20;
        Dataset d = Moments.load(new TwelveBit(), 2, Map.of("gamma", 2.0, "copies", copies));
        double[] lab = d.view("label").column(0);
        double expected = 0;
        double var = 0;
        for (int i = 0; i < lab.length; i++) {
            expected += p[i % 4096];
            var += p[i % 4096] * (1 - p[i % 4096]);
        }
        double sum = 0;
        for (double l : lab) {
            sum += l;
        }
        // the number of ones is a sum of independent Bernoullis: 5 sd margin
        assertEquals(expected, sum, 5 * Math.sqrt(var));
    }
}
