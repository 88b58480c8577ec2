package org.milab.plugins.files;

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
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milab.api.InvalidDataException;
import org.milab.api.data.Dataset;
import org.milab.api.data.DatasetProvider;
import org.milab.api.testkit.TestRunContext;

class CsvFileTest implements FileDatasetContract {

    @TempDir
    Path tmp;

    @Override
    public DatasetProvider dataset() {
        return new CsvFile();
    }

    @Override
    public String fileParameter() {
        return "path";
    }

    @Override
    public Map<String, ?> contractFiles() throws IOException {
        Path p = tmp.resolve("contract.csv");
        Files.writeString(p, "a,b\n1,2\n3,4.5\n-1,0\n");
        return Map.of("path", p.toString());
    }

    private static Dataset load(Map<String, ?> params) {
        CsvFile f = new CsvFile();
        try (TestRunContext ctx = TestRunContext.of(f, 1, params)) {
            return f.load(ctx);
        }
    }

    @Test
    void readsGzipWithHeaderSelectionAndLabel() throws IOException {
        Path p = tmp.resolve("data.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write("a,b,c,cls\n1,2,3,0\n4,5,6,1\n7,8,9,1\n".getBytes(StandardCharsets.UTF_8));
        }
        Dataset d = load(Map.of("path", p.toString(), "y", "c", "label", "cls"));
        assertEquals(3, d.size());
        assertEquals(List.of("a", "b"), d.view("x").columnNames());
        assertArrayEquals(new double[] {3, 6, 9}, d.view("y").column(0));
        assertArrayEquals(new double[] {0, 1, 1}, d.view("label").column(0));
        Dataset sel = load(Map.of("path", p.toString(), "x", "2, 0", "limit", 2));
        assertArrayEquals(new double[] {3, 1, 6, 4}, sel.view("x").toRowMajor());
    }

    @Test
    void malformedCellsAreReportedWithLineAndColumn() throws IOException {
        Path p = tmp.resolve("bad.csv");
        Files.writeString(p, "a,b\n1,2\n3,oops\n");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> load(Map.of("path", p.toString())));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("'b'"), e.getMessage());
        Files.writeString(p, "1,2\n3\n");
        InvalidDataException short1 = assertThrows(InvalidDataException.class,
                () -> load(Map.of("path", p.toString(), "header", false)));
        assertTrue(short1.getMessage().contains("line 2"), short1.getMessage());
    }

    @Test
    void readsTheSharedUciDigitsWithoutHeader() {
        Path p = SharedData.require("uci-digits-8x8.csv.gz");
        Dataset d = load(Map.of("path", p.toString(), "header", false, "label", "64"));
        assertEquals(1797, d.size());
        assertEquals(64, d.view("x").cols());
    }
}
