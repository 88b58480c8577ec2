package org.milab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milab.platform.run.Json;
import org.milab.platform.testing.Cli;

/** The scripted contract of {@code milab screen} on the local executor (no Spark on the class path). */
class ScreenCommandTest {

    @TempDir
    Path tmp;

    /** Target y; a and b Gaussian with correlation 0.8 and 0.4 with y; c, d, e independent of y. */
    private Path csv(int n) throws IOException {
        SplittableRandom r = new SplittableRandom(3);
        StringBuilder sb = new StringBuilder("c,a,y,d,b,e\n");
        for (int i = 0; i < n; i++) {
            double y = r.nextGaussian();
            double a = 0.8 * y + 0.6 * r.nextGaussian();
            double b = 0.4 * y + Math.sqrt(1 - 0.16) * r.nextGaussian();
            sb.append(r.nextGaussian()).append(',').append(a).append(',').append(y).append(',')
                    .append(r.nextGaussian()).append(',').append(b).append(',').append(r.nextGaussian()).append('\n');
        }
        Path f = tmp.resolve("screen.csv");
        Files.writeString(f, sb);
        return f;
    }

    @Test
    void ranksFeaturesByMiWithStandardErrors() throws IOException {
        Path f = csv(2000);
        Cli.Result r = Cli.run(tmp, "screen", f.toString(), "--target", "y", "--format", "json", "--jobs", "2");
        assertEquals(0, r.exitCode(), r.err());
        Map<?, ?> json = (Map<?, ?>) Json.parse(r.out());
        List<?> scores = (List<?>) json.get("scores");
        assertEquals(5, scores.size());
        Map<?, ?> first = (Map<?, ?>) scores.get(0);
        Map<?, ?> second = (Map<?, ?>) scores.get(1);
        assertEquals("a", first.get("feature"));
        assertEquals("b", second.get("feature"));
        // Gaussian truth -ln(1 - rho^2)/2; KSG's sd at n = 2000 is about 0.02 nats, 0.08 is a 4-sd margin
        assertEquals(-0.5 * Math.log(1 - 0.64), ((Number) first.get("mi")).doubleValue(), 0.08);
        assertEquals(-0.5 * Math.log(1 - 0.16), ((Number) second.get("mi")).doubleValue(), 0.08);
        double se = ((Number) first.get("stderr")).doubleValue();
        assertTrue(se > 0.005 && se < 0.06, "subsampling standard error of about 0.02 nats, got " + se);
        for (Object o : scores.subList(2, 5)) {
            assertEquals(0.0, ((Number) ((Map<?, ?>) o).get("mi")).doubleValue(), 0.05, o.toString());
        }
        assertTrue(r.err().contains("5/5 features"), r.err());
    }

    @Test
    void oneThreadAndTwoGiveIdenticalScoresAndTopCuts() throws IOException {
        Path f = csv(500);
        Cli.Result one = Cli.run(tmp, "screen", f.toString(), "--target", "y", "--format", "csv", "--jobs", "1",
                "--estimator", "binned");
        Cli.Result two = Cli.run(tmp, "screen", f.toString(), "--target", "y", "--format", "csv", "--jobs", "2",
                "--estimator", "binned", "--top", "2");
        assertEquals(0, one.exitCode(), one.err());
        assertEquals(0, two.exitCode(), two.err());
        List<String> all = one.out().lines().toList();
        List<String> top = two.out().lines().toList();
        assertEquals("rank,feature,mi_nats,stderr_nats,n,error", all.get(0));
        assertEquals(6, all.size());
        assertEquals(all.subList(0, 3), top);
    }

    @Test
    void badInputIsAClearError() throws IOException {
        Path f = csv(50);
        Cli.Result noColumn = Cli.run(tmp, "screen", f.toString(), "--target", "z");
        assertEquals(2, noColumn.exitCode());
        assertTrue(noColumn.err().contains("no column z"), noColumn.err());
        Cli.Result badEstimator = Cli.run(tmp, "screen", f.toString(), "--target", "y", "--estimator", "ksgg");
        assertEquals(2, badEstimator.exitCode());
        assertTrue(badEstimator.err().contains("ksgg"), badEstimator.err());
        Cli.Result masterAlone = Cli.run(tmp, "screen", f.toString(), "--target", "y", "--master", "local[2]");
        assertEquals(2, masterAlone.exitCode());
        assertTrue(masterAlone.err().contains("needs --executor spark"), masterAlone.err());
        Cli.Result badMaster = Cli.run(tmp, "screen", f.toString(), "--target", "y", "--executor", "spark",
                "--master", "mesos://x:5050");
        assertEquals(2, badMaster.exitCode());
        assertTrue(badMaster.err().contains("not a master URL"), badMaster.err());
    }
}
