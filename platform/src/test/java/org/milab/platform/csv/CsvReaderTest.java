package org.milab.platform.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link CsvReader}: fields, quotes, line breaks and line numbers, across buffer refills. */
class CsvReaderTest {

    /** Every record as "line: cell|cell", reading the input a few bytes at a time when {@code trickle}. */
    private static List<String> records(String text, boolean trickle) throws IOException {
        InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        InputStream source = trickle ? new InputStream() {
            @Override
            public int read() throws IOException {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return in.read(b, off, Math.min(len, 3));
            }
        } : in;
        List<String> out = new ArrayList<>();
        try (CsvReader csv = new CsvReader(source)) {
            while (csv.next()) {
                List<String> cells = new ArrayList<>();
                for (int k = 0; k < csv.cells(); k++) {
                    cells.add(csv.text(k));
                }
                out.add(csv.line() + ": " + String.join("|", cells));
            }
        }
        return out;
    }

    private static void both(String text, String... expected) throws IOException {
        assertEquals(List.of(expected), records(text, false));
        assertEquals(List.of(expected), records(text, true));
    }

    @Test
    void plainRecordsWithAnyLineBreakAndEmptyLinesSkipped() throws IOException {
        both("a,b\n1,2\r\n\n3,4\r5,6", "1: a|b", "2: 1|2", "4: 3|4", "5: 5|6");
        both("\n\na,b\n", "3: a|b");
        both("", new String[0]);
    }

    @Test
    void cellsAreTrimmedAndMayBeEmpty() throws IOException {
        both(" a , b\t,\n,,", "1: a|b|", "2: ||");
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() throws IOException {
        both("\"x,1\",\"say \"\"hi\"\"\"\n\"two\nlines\",2\n3,4\n", "1: x,1|say \"hi\"", "2: two\nlines|2", "4: 3|4");
    }

    @Test
    void aByteOrderMarkIsSkipped() throws IOException {
        both("\uFEFFx,y\n1,2\n", "1: x|y", "2: 1|2");
    }

    @Test
    void anUnclosedQuoteNamesItsLine() {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> records("a\n1\n\"open\n2\n", false));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("never closed"), e.getMessage());
    }

    @Test
    void textAfterAClosingQuoteIsAnError() {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> records("a,b\n\"1\"x,2\n", true));
        assertEquals(2, e.line());
    }

    @Test
    void recordsLongerThanTheBufferGrowIt() throws IOException {
        String wide = "v".repeat(200_000);
        both("h\n" + wide + "\n", "1: h", "2: " + wide);
    }

    @Test
    void numbersAreReadWithoutText() throws IOException {
        try (CsvReader csv = new CsvReader(new ByteArrayInputStream("1.5, \"-2e3\" ,x".getBytes(StandardCharsets.UTF_8)))) {
            assertTrue(csv.next());
            assertEquals(1.5, csv.number(0));
            assertEquals(-2000.0, csv.number(1));
            assertThrows(NumberFormatException.class, () -> csv.number(2));
            assertFalse(csv.next());
        }
    }
}
