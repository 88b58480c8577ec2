package org.milab.platform.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milab.api.ConfigurationException;
import org.milab.api.InvalidDataException;
import org.milab.api.data.Samples;

/** {@link CsvSamples}: columns by name, plain or gzipped, and errors that say file, line and column. */
class CsvSamplesTest {

    @TempDir
    Path tmp;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    private static double[] column(Samples s) {
        double[] v = new double[s.rows()];
        for (int r = 0; r < v.length; r++) {
            v[r] = s.get(r, 0);
        }
        return v;
    }

    @Test
    void readsNamedColumnsInGroupOrder() throws IOException {
        Path f = file("d.csv", "a, b ,c\n1,2,3\n4,\"5\",6e-1\n\n-7.25,8,9\n");
        List<Samples> s = CsvSamples.read(f, List.of(List.of("c"), List.of("a")));
        assertArrayEquals(new double[] {3, 0.6, 9}, column(s.get(0)));
        assertArrayEquals(new double[] {1, 4, -7.25}, column(s.get(1)));
        assertEquals(List.of("a", "b", "c"), CsvSamples.header(f));
    }

    @Test
    void readsGzippedFiles() throws IOException {
        Path f = tmp.resolve("d.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write("x,y\n0.1,0.2\n0.30000000000000004,1e300\n".getBytes(StandardCharsets.UTF_8));
        }
        List<Samples> s = CsvSamples.read(f, List.of(List.of("x"), List.of("y")));
        assertArrayEquals(new double[] {0.1, 0.30000000000000004}, column(s.get(0)));
        assertArrayEquals(new double[] {0.2, 1e300}, column(s.get(1)));
    }

    @Test
    void aBadCellNamesFileLineAndColumn() throws IOException {
        Path f = file("bad.csv", "a,b\n1,2\n\n3,oops\n");
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> CsvSamples.read(f, List.of(List.of("a"), List.of("b"))));
        assertTrue(e.getMessage().contains("bad.csv:4, column 'b': expected a number, got 'oops'"), e.getMessage());
    }

    @Test
    void missingAndNonFiniteCellsAreErrors() throws IOException {
        Path f = file("m.csv", "a,b\n1,2\n3\n");
        InvalidDataException missing = assertThrows(InvalidDataException.class,
                () -> CsvSamples.read(f, List.of(List.of("a"), List.of("b"))));
        assertTrue(missing.getMessage().contains("m.csv:3, column 'b': missing value (the row has 1 cells)"),
                missing.getMessage());
        Path g = file("n.csv", "a,b\n1,Infinity\n");
        InvalidDataException inf = assertThrows(InvalidDataException.class,
                () -> CsvSamples.read(g, List.of(List.of("a"), List.of("b"))));
        assertTrue(inf.getMessage().contains("n.csv:2, column 'b': Infinity is not a finite number"), inf.getMessage());
    }

    @Test
    void unknownColumnsEmptyFilesAndBrokenQuotesAreConfigurationErrors() throws IOException {
        Path f = file("d.csv", "a,b\n1,2\n");
        ConfigurationException unknown = assertThrows(ConfigurationException.class,
                () -> CsvSamples.read(f, List.of(List.of("a"), List.of("z", "w"))));
        assertTrue(unknown.getMessage().contains("no column z, w; the header has a, b"), unknown.getMessage());
        Path empty = file("e.csv", "");
        assertThrows(ConfigurationException.class, () -> CsvSamples.read(empty, List.of(List.of("a"))));
        Path quote = file("q.csv", "a,b\n1,\"2\n");
        ConfigurationException open = assertThrows(ConfigurationException.class,
                () -> CsvSamples.read(quote, List.of(List.of("a"), List.of("b"))));
        assertTrue(open.getMessage().contains("q.csv:2"), open.getMessage());
        assertThrows(ConfigurationException.class, () -> CsvSamples.read(tmp.resolve("none.csv"), List.of(List.of("a"))));
        Path header = file("h.csv", "a,b\n");
        assertThrows(InvalidDataException.class, () -> CsvSamples.read(header, List.of(List.of("a"), List.of("b"))));
    }
}
