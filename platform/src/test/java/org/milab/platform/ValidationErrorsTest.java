package org.milab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milab.platform.testing.Cli;

/** Broken experiments get one-screen, located errors (exit 2), never a stack trace, and nothing is written. */
class ValidationErrorsTest {

    @TempDir
    Path tmp;

    private Cli.Result validate(String yaml) throws IOException {
        Path f = tmp.resolve("exp.yaml");
        Files.writeString(f, yaml);
        Cli.Result r = Cli.run(tmp, "run", f.toString(), "--runs-dir", tmp.resolve("runs").toString());
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(Files.exists(tmp.resolve("runs")), "nothing written for an invalid experiment");
        return r;
    }

    @Test
    void badIndentationIsLocated() throws IOException {
        Cli.Result r = validate("""
                experiment: x
                nodes:
                  data:
                    use: correlated-gaussian
                   with: {n: 10}
                """);
        assertTrue(r.err().contains("exp.yaml:5:"), r.err());
        assertTrue(r.err().contains("YAML syntax"), r.err());
    }

    @Test
    void everyProblemIsReportedAtOnceWithSuggestions() throws IOException {
        Cli.Result r = validate("""
                experiment: x
                seed: 1
                nodes:
                  data:
                    use: correlated-gausian
                  ksg:
                    use: ksg
                    with: {kk: 3}
                    inputs: {x: dat.x, y: ksg.estimate}
                  gauss:
                    use: gaussian
                    with: {nope: 1}
                """);
        String e = r.err();
        assertTrue(e.contains("exp.yaml:5:10: unknown") && e.contains("did you mean 'correlated-gaussian'?"), e);
        assertTrue(e.contains("exp.yaml:8:") && e.contains("'kk'") && e.contains("did you mean 'k'?"), e);
        assertTrue(e.contains("'dat.x' names node 'dat', which does not exist; did you mean 'data'?"), e);
        assertTrue(e.contains("needs input 'x'") || e.contains("needs input 'y'"), e);
        assertTrue(e.contains("exp.yaml:12:") && e.contains("'nope'"), e);
    }

    @Test
    void wrongTypeAndRangeAreReported() throws IOException {
        Cli.Result r = validate("""
                experiment: x
                nodes:
                  data:
                    use: correlated-gaussian
                    with: {n: many}
                  ksg:
                    use: ksg
                    with: {k: 0}
                    inputs: {x: data.x, y: data.y}
                """);
        assertTrue(r.err().contains("exp.yaml:5:") && r.err().contains("expected an integer"), r.err());
        assertTrue(r.err().contains("exp.yaml:8:") && r.err().contains("got 0"), r.err());
    }

    @Test
    void cyclesAreReported() throws IOException {
        Cli.Result r = validate("""
                experiment: x
                nodes:
                  a:
                    use: ksg
                    inputs: {x: b.estimate, y: b.estimate}
                  b:
                    use: ksg
                    inputs: {x: a.estimate, y: a.estimate}
                """);
        assertTrue(r.err().contains("cycle: a -> b -> a") || r.err().contains("cycle: b -> a -> b"), r.err());
    }

    @Test
    void javaObjectTagsAreRefused() throws IOException {
        Cli.Result r = validate("""
                experiment: x
                nodes:
                  data:
                    use: correlated-gaussian
                    with: {n: !!java.net.URL [http://example.org]}
                """);
        assertTrue(r.err().contains("is not allowed"), r.err());
    }

    @Test
    void setOverridesAreCheckedToo() throws IOException {
        Cli.Result r = Cli.run(tmp, "validate", Cli.repo().resolve("experiments/quickstart.yaml").toString(),
                "--set", "ksg.k=-1", "--set", "ksgg.k=2");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--set ksgg.k=2: no node 'ksgg'; did you mean 'ksg'?"), r.err());
    }

    @Test
    void componentsNamedInParametersAreCheckedBeforeRunning() throws IOException {
        Cli.Result r = validate("""
                experiment: x
                nodes:
                  data:
                    use: multimodal-gaussian
                  train:
                    use: supervised
                    with: {input: x1, model: "mlpp(hidden=[8])"}
                    inputs: {dataset: data.dataset}
                  kd:
                    use: cross-modal-kd
                    with: {loss: "hinton-kd(temperature=-1)"}
                    inputs: {dataset: data.dataset}
                """);
        assertTrue(r.err().contains("exp.yaml:7:") && r.err().contains("unknown model 'mlpp'; did you mean 'mlp'?"),
                r.err());
        assertTrue(r.err().contains("exp.yaml:11:") && r.err().contains("'temperature'"), r.err());
    }
}
