package org.milab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milab.platform.testing.Cli;

/**
 * Mistakes that used to pass {@code milab validate} silently (or fail only at run time) are located errors from
 * {@code validate}, exit 2, with nothing run.
 */
class ValidationBeforeRunningTest {

    @TempDir
    Path tmp;

    private String invalid(String yaml, String... extra) throws IOException {
        return invalid(yaml.getBytes(StandardCharsets.UTF_8), extra);
    }

    private String invalid(byte[] yaml, String... extra) throws IOException {
        Path f = tmp.resolve("exp.yaml");
        Files.write(f, yaml);
        String[] args = new String[extra.length + 2];
        args[0] = "validate";
        args[1] = f.toString();
        System.arraycopy(extra, 0, args, 2, extra.length);
        Cli.Result r = Cli.run(tmp, args);
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        return r.err();
    }

    @Test
    void duplicateNodeIdsAndParameterKeysAreLocated() throws IOException {
        String e = invalid("""
                experiment: x
                nodes:
                  data:
                    use: correlated-gaussian
                    with: {n: 100, mi: 1.0, n: 200}
                  data:
                    use: correlated-gaussian
                  ksg:
                    use: ksg
                    inputs: {x: data.x, y: data.y, x: data.y}
                """);
        assertTrue(e.contains("exp.yaml:5:29: duplicate key 'n' under 'with:' of node 'data'"), e);
        assertTrue(e.contains("exp.yaml:6:3: duplicate node id 'data'"), e);
        assertTrue(e.contains("exp.yaml:10:36: duplicate input 'x' of node 'ksg'"), e);
    }

    @Test
    void typoInsideAComponentStringIsCaught() throws IOException {
        String e = invalid("""
                experiment: x
                nodes:
                  data:
                    use: correlated-gaussian
                  v:
                    use: variational
                    with: {critic: "joint-critic(hiden=[16])", steps: 10}
                    inputs: {x: data.x, y: data.y}
                """);
        assertTrue(e.contains("exp.yaml:7:20: node 'v', parameter 'critic'") && e.contains("'hiden'"), e);
    }

    @Test
    void aComponentKeywordIsNotMistakenForAComponent() throws IOException {
        Path f = tmp.resolve("ok.yaml");
        Files.writeString(f, """
                experiment: x
                nodes:
                  data:
                    use: correlated-gaussian
                  v:
                    use: variational
                    with: {critic: auto, steps: 10}
                    inputs: {x: data.x, y: data.y}
                """);
        Cli.Result r = Cli.run(tmp, "validate", f.toString());
        assertEquals(0, r.exitCode(), r.err());
    }

    @Test
    void missingDataFileIsFoundBeforeRunning() throws IOException {
        Path absent = tmp.resolve("absent.csv");
        String e = invalid("""
                experiment: x
                nodes:
                  data:
                    use: csv-file
                    with: {path: "%s", x: a, y: b}
                  ksg:
                    use: ksg
                    inputs: {x: data.x, y: data.y}
                """.formatted(absent));
        assertTrue(e.contains("exp.yaml:5:18: node 'data', parameter 'path': no file or folder '" + absent + "'"), e);
    }

    @Test
    void setOnASweptKeyIsAnError() throws IOException {
        String e = invalid("""
                experiment: x
                nodes:
                  data:
                    use: correlated-gaussian
                  ksg:
                    use: ksg
                    inputs: {x: data.x, y: data.y}
                sweep:
                  data.mi: [0.5, 1.0]
                """, "--set", "data.mi=2");
        assertTrue(e.contains("--set data.mi=2: 'data.mi' is swept (") && e.contains("exp.yaml:9:3"), e);
    }

    @Test
    void nonUtf8BytesAreLocated() throws IOException {
        byte[] latin1 = "experiment: x\n# caf\u00e9\nnodes: {}\n".getBytes(StandardCharsets.ISO_8859_1);
        String e = invalid(latin1);
        assertTrue(e.contains("exp.yaml:2:6: byte 0xe9 is not UTF-8 text"), e);
        assertFalse(e.contains("Input length"), e);
    }
}
