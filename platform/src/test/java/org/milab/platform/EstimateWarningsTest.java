package org.milab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milab.platform.run.Json;
import org.milab.platform.testing.Cli;

/** Broken assumptions and non-Shannon quantities are shown beside the value, in text and JSON. */
class EstimateWarningsTest {

    @TempDir
    Path tmp;

    private Path csv;

    @BeforeEach
    void sixColumns() throws IOException {
        SplittableRandom r = new SplittableRandom(2);
        StringBuilder b = new StringBuilder("a,b,c,d,e,f\n");
        for (int i = 0; i < 600; i++) {
            double[] row = new double[6];
            for (int c = 0; c < 6; c++) {
                row[c] = r.nextGaussian() + (c >= 3 ? 0.5 * row[c - 3] : 0);
            }
            b.append(String.format(java.util.Locale.ROOT, "%f,%f,%f,%f,%f,%f%n", row[0], row[1], row[2], row[3],
                    row[4], row[5]));
        }
        csv = Files.writeString(tmp.resolve("d.csv"), b.toString());
    }

    private Map<?, ?> json(String estimator, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("estimate", estimator, csv.toString(), "--x", "a,b,c",
                "--y", "d,e,f", "--format", "json"));
        args.addAll(List.of(extra));
        Cli.Result r = Cli.run(tmp, args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        return (Map<?, ?>) Json.parse(r.out());
    }

    @Test
    void binnedOnSixColumnsWarnsInJsonAndText() {
        List<?> warnings = (List<?>) json("binned").get("warnings");
        assertEquals(1, warnings.size());
        assertTrue(String.valueOf(warnings.get(0)).contains("occupied joint cells"), warnings.toString());
        Cli.Result text = Cli.run(tmp, "estimate", "binned", csv.toString(), "--x", "a,b,c", "--y", "d,e,f");
        assertTrue(text.err().contains("milab: WARNING: binned: the 600 samples spread over"), text.err());
    }

    @Test
    void renyiSaysWhatItEstimates() {
        assertTrue(String.valueOf(json("renyi").get("quantity")).startsWith("matrix-based Rényi alpha-order MI"));
    }

    @Test
    void ksgHasNeitherWarningsNorAStandardErrorUnlessAsked() {
        Map<?, ?> m = json("ksg");
        assertFalse(m.containsKey("warnings"), m.toString());
        assertFalse(m.containsKey("quantity"), m.toString());
        assertFalse(m.containsKey("stderr"), m.toString());
    }

    @Test
    void aVariationalBoundHasNoStderrUnlessAskedFor() {
        Map<?, ?> one = json("infonce", "--set", "steps=30", "--set", "eval-every=10");
        assertFalse(one.containsKey("stderr"), one.toString());
        Map<?, ?> three = json("infonce", "--set", "steps=30", "--set", "eval-every=10", "--set", "seeds=3");
        assertTrue(three.containsKey("stderr"), three.toString());
        assertEquals(3.0, ((Map<?, ?>) three.get("diagnostics")).get("seeds"));
    }
}
