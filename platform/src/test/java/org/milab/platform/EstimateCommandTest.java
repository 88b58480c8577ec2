package org.milab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milab.platform.run.Json;
import org.milab.platform.testing.Cli;

/** The scripted contract of {@code milab estimate}. */
class EstimateCommandTest {

    @TempDir
    Path tmp;

    /** Bivariate Gaussian with correlation rho, columns a, b, noise. */
    private Path csv(int n, double rho, String extraRow) throws IOException {
        SplittableRandom r = new SplittableRandom(11);
        StringBuilder sb = new StringBuilder("a,b,noise\n");
        for (int i = 0; i < n; i++) {
            double x = gauss(r);
            double y = rho * x + Math.sqrt(1 - rho * rho) * gauss(r);
            sb.append(x).append(',').append(y).append(',').append(gauss(r)).append('\n');
        }
        sb.append(extraRow);
        Path f = tmp.resolve("data.csv");
        Files.writeString(f, sb);
        return f;
    }

    private static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void jsonHasMiInNats() throws IOException {
        double rho = 0.8;
        Path f = csv(3000, rho, "");
        Cli.Result r = Cli.run(tmp, "estimate", "ksg", f.toString(), "--x", "a", "--y", "b", "--set", "k=4",
                "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        Map<?, ?> json = (Map<?, ?>) Json.parse(r.out());
        double truth = -0.5 * Math.log(1 - rho * rho);
        // n = 3000: KSG's sd is about 0.02 nats at this MI (Kraskov et al. 2004), 0.08 is a 4-sd margin.
        assertEquals(truth, ((Number) json.get("mi")).doubleValue(), 0.08);
        assertEquals("estimators-classic/ksg", json.get("estimator"));
        assertEquals(3000.0, ((Number) json.get("n")).doubleValue());
    }

    @Test
    void standardErrorOnRequest() throws IOException {
        Path f = csv(1000, 0.5, "");
        Cli.Result r = Cli.run(tmp, "estimate", "gaussian", f.toString(), "--x", "a", "--y", "b", "--set",
                "stderr=subsample", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        double se = ((Number) ((Map<?, ?>) Json.parse(r.out())).get("stderr")).doubleValue();
        // the delta-method sd of -1/2 log(1-r^2) at rho = 0.5, n = 1000 is rho/sqrt(n) = 0.016
        assertEquals(0.016, se, 0.008);
    }

    @Test
    void unknownColumnNaNAndBadParametersExitWith2() throws IOException {
        Path f = csv(50, 0.5, "1.0,NaN,0.3\n");
        Cli.Result col = Cli.run(tmp, "estimate", "ksg", f.toString(), "--x", "a", "--y", "zz");
        assertEquals(2, col.exitCode());
        assertTrue(col.err().contains("no column zz"), col.err());
        Cli.Result nan = Cli.run(tmp, "estimate", "ksg", f.toString(), "--x", "a", "--y", "b");
        assertEquals(2, nan.exitCode());
        assertTrue(nan.err().contains("data.csv:52, column 'b'"), nan.err());
        Cli.Result param = Cli.run(tmp, "estimate", "ksg", f.toString(), "--x", "a", "--y", "noise", "--set", "k=x");
        assertEquals(2, param.exitCode());
        assertTrue(param.err().contains("--set k=x"), param.err());
        Cli.Result unknown = Cli.run(tmp, "estimate", "ksgg", f.toString(), "--x", "a", "--y", "b");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("did you mean 'ksg'"), unknown.err());
        Cli.Result missing = Cli.run(tmp, "estimate", "ksg", tmp.resolve("none.csv").toString(), "--x", "a", "--y", "b");
        assertEquals(2, missing.exitCode());
    }

    @Test
    void anMiBoundNameRunsTheVariationalEstimatorWithThatBound() throws IOException {
        Path f = csv(400, 0.8, "");
        Cli.Result r = Cli.run(tmp, "estimate", "smile", f.toString(), "--x", "a", "--y", "b", "--set", "tau=5",
                "--set", "steps=30", "--set", "eval-every=10", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        Map<?, ?> json = (Map<?, ?>) Json.parse(r.out());
        assertEquals("estimators-neural/variational", json.get("estimator"));
        assertEquals("estimators-neural/smile(tau=5)", ((Map<?, ?>) json.get("parameters")).get("bound"));
    }
}
