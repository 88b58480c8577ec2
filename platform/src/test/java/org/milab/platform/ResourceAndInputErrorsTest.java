package org.milab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milab.platform.testing.Cli;

/** Data too large for the heap or an array, an unusable runs folder, and ambiguous columns are plain exit-2 errors. */
class ResourceAndInputErrorsTest {

    @TempDir
    Path tmp;

    private Cli.Result validate(String with) throws IOException {
        Path f = tmp.resolve("big.yaml");
        Files.writeString(f, """
                experiment: big
                nodes:
                  data:
                    use: correlated-gaussian
                    with: %s
                  ksg:
                    use: ksg
                    inputs: {x: data.x, y: data.y}
                """.formatted(with));
        return Cli.run(tmp, "validate", f.toString());
    }

    private static void plainError(Cli.Result r) {
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void moreValuesThanAnArrayHoldsIsCaughtBeforeRunning() throws IOException {
        Cli.Result r = validate("{n: 1000000000, dim: 1000, mi: 1.0}");
        plainError(r);
        assertTrue(r.err().contains("big.yaml:3:3: node 'data' (correlated-gaussian) would hold "
                + "2,000,000,000,000 values") && r.err().contains("more than a Java array can hold"), r.err());
    }

    @Test
    void moreDataThanTheHeapIsCaughtBeforeRunning() throws IOException {
        // 2 x 1.5e9 doubles = 22.4 GiB; only meaningful where the test JVM's heap is smaller than that
        Assumptions.assumeTrue(Runtime.getRuntime().maxMemory() < 20L << 30);
        Cli.Result r = validate("{n: 1500000000, dim: 1, mi: 1.0}");
        plainError(r);
        assertTrue(r.err().contains("big.yaml:3:3: node 'data' (correlated-gaussian) would hold 3,000,000,000 "
                + "values, 22.4 GiB of doubles, but this JVM may use at most"), r.err());
    }

    @Test
    void aSmallDatasetPasses() throws IOException {
        assertEquals(0, validate("{n: 1000, dim: 3, mi: 1.0}").exitCode());
    }

    @Test
    void anUnusableRunsDirIsAPlainError() throws IOException {
        Path f = tmp.resolve("ok.yaml");
        Files.writeString(f, """
                experiment: ok
                nodes:
                  data:
                    use: correlated-gaussian
                    with: {n: 50}
                """);
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "");
        Cli.Result r = Cli.run(tmp, "run", f.toString(), "--runs-dir", file.resolve("runs").toString());
        plainError(r);
        assertTrue(r.err().contains("cannot create a run folder there") && r.err().contains("--runs-dir"), r.err());
    }

    @Test
    void duplicateCsvColumnNamesAreAnError() throws IOException {
        Path csv = Files.writeString(tmp.resolve("d.csv"), "a,a,b\n1,2,3\n4,5,6\n2,3,1\n5,1,2\n6,2,4\n");
        Cli.Result r = Cli.run(tmp, "estimate", "ksg", csv.toString(), "--x", "a", "--y", "b");
        plainError(r);
        assertTrue(r.err().contains("the header names column 'a' twice"), r.err());
    }

    @Test
    void theSameColumnInXAndYIsAnError() throws IOException {
        Path csv = Files.writeString(tmp.resolve("d.csv"), "a,b\n1,2\n4,5\n2,3\n5,1\n6,2\n");
        Cli.Result r = Cli.run(tmp, "estimate", "ksg", csv.toString(), "--x", "a", "--y", "b,a");
        plainError(r);
        assertTrue(r.err().contains("column 'a' is already in --x"), r.err());
    }

    @Test
    void csvFileDatasetRejectsDuplicateColumnNames() throws IOException {
        Path csv = Files.writeString(tmp.resolve("d.csv"), "a,b,b\n1,2,3\n4,5,6\n2,3,1\n5,1,2\n6,2,4\n");
        Path f = tmp.resolve("csv.yaml");
        Files.writeString(f, """
                experiment: csv
                nodes:
                  data:
                    use: csv-file
                    with: {path: "%s", x: a, y: b}
                """.formatted(csv));
        Cli.Result r = Cli.run(tmp, "run", f.toString(), "--runs-dir", tmp.resolve("runs").toString());
        plainError(r);
        assertTrue(r.err().contains("the header names column 'b' twice"), r.err());
    }
}
