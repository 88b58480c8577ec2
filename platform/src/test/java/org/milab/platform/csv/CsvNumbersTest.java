package org.milab.platform.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link CsvReader#number} returns exactly {@link Double#parseDouble}'s bits for a cell's text, printed doubles,
 * random digit strings and edge cases alike, and rejects what the JDK rejects.
 */
class CsvNumbersTest {

    private static double cell(String text) {
        byte[] b = ("#," + text + ",#").getBytes(StandardCharsets.UTF_8);
        try (CsvReader csv = new CsvReader(new ByteArrayInputStream(b))) {
            assertTrue(csv.next());
            return csv.number(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void same(String text) {
        long expected = Double.doubleToRawLongBits(Double.parseDouble(text));
        assertEquals(expected, Double.doubleToRawLongBits(cell(text)), text);
    }

    @Test
    void shortestAndFullPrintedDoublesRoundTrip() {
        SplittableRandom rng = new SplittableRandom(16);
        for (int i = 0; i < 50_000; i++) {
            double v = Double.longBitsToDouble(rng.nextLong());
            if (Double.isFinite(v)) {
                same(Double.toString(v));
                same(String.format(Locale.ROOT, "%.17g", v));
                same(String.format(Locale.ROOT, "%.16e", v));
            }
            double g = rng.nextDouble() * 2 - 1;
            same(Double.toString(g));
            same(String.format(Locale.ROOT, "%.17g", g * 1e3));
        }
    }

    @Test
    void randomDigitStringsUpToTwentyDigitsAndWideExponents() {
        SplittableRandom rng = new SplittableRandom(7);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            sb.setLength(0);
            int digits = 1 + rng.nextInt(21);
            for (int d = 0; d < digits; d++) {
                sb.append((char) ('0' + rng.nextInt(10)));
            }
            if (rng.nextBoolean()) {
                sb.insert(rng.nextInt(sb.length() + 1), '.');
            }
            if (rng.nextInt(3) == 0) {
                sb.append('e').append(rng.nextInt(700) - 350);
            }
            if (!sb.toString().equals(".")) {
                same((rng.nextBoolean() ? "-" : "") + sb);
            }
        }
    }

    @Test
    void edgeCasesMatch() {
        for (String s : new String[] {"0", "-0", "+0.0", "0.000", "1", "1.", ".5", "-.5", "+1e5", "1E-5", "1e+22",
            "9007199254740993", "9007199254740992", "2.2250738585072011e-308", "2.2250738585072014e-308",
            "4.9e-324", "1e-400", "1e400", "1.7976931348623157e308", "1.7976931348623159e308", "123456789012345678901234",
            "0.1", "0.30000000000000004", "5e-324", "2.5e-324", "1e23", "8.98846567431158e307", "7.2057594037927933e16",
            "1.00000000000000011102230246251565404236316680908203125", "NaN", "-Infinity", "1d", "1f", "0x1p3",
            "000000000000000000000000123.5", "1.000000000000000000000000000000001", "1e00099"}) {
            same(s);
        }
    }

    @Test
    void badTextThrowsAsTheJdkDoes() {
        for (String s : new String[] {"", ".", "-", "e5", "1e", "1e+", "abc", "1.2.3", "--1", "1e5.0"}) {
            assertThrows(NumberFormatException.class, () -> Double.parseDouble(s), s);
            assertThrows(NumberFormatException.class, () -> cell(s), s);
        }
    }
}
