package org.milab.platform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong clock = new AtomicLong();
    private final StringWriter text = new StringWriter();

    private ConsoleProgress progress(ConsoleProgress.Mode mode) {
        return new ConsoleProgress(new PrintWriter(text), mode, clock::get);
    }

    private List<String> lines() {
        return text.toString().lines().toList();
    }

    @Test
    void offATerminalItPrintsALineEveryTenthWithRateAndEta() {
        ConsoleProgress p = progress(ConsoleProgress.Mode.LINES);
        p.started("critic", 0, 1);
        for (int done = 1; done <= 100; done++) {
            clock.addAndGet(SECOND / 10);
            p.progress("critic", done, 100);
        }
        List<String> lines = lines();
        assertEquals(10, lines.size(), text.toString());
        assertEquals("milab: critic: 10% 10/100 10.0/s ETA 0:09", lines.get(0));
        assertEquals("milab: critic: 50% 50/100 10.0/s ETA 0:05", lines.get(4));
        assertEquals("milab: critic: 100% 100/100 10.0/s ETA 0:00", lines.get(9));
    }

    @Test
    void slowWorkGetsALineEveryTenSecondsBetweenTenths() {
        ConsoleProgress p = progress(ConsoleProgress.Mode.LINES);
        p.started("ksg", 0, 1);
        clock.addAndGet(11 * SECOND);
        p.progress("ksg", 1, 1000);
        clock.addAndGet(SECOND);
        p.progress("ksg", 2, 1000);
        assertEquals(1, lines().size(), text.toString());
        assertTrue(lines().get(0).startsWith("milab: ksg: 0% 1/1000 0.09/s ETA "), lines().get(0));
    }

    @Test
    void aTerminalGetsOneBarRedrawnInPlaceAndASweepItsOwnEta() {
        ConsoleProgress p = progress(ConsoleProgress.Mode.BAR);
        p.started("vib", 0, 4);
        clock.addAndGet(10 * SECOND);
        p.finished("vib", 10);
        p.started("vib", 1, 4);
        clock.addAndGet(5 * SECOND);
        p.progress("vib", 50, 100);
        String out = text.toString();
        assertTrue(out.contains("\r\033[Kvib [point 2/4] [############            ] 50% 50/100 10.0/s ETA 0:05"),
                out);
        assertTrue(out.endsWith(", sweep ETA 0:25"), "1.5 points took 15 s; 2.5 are left: " + out);
    }

    @Test
    void quietPrintsNothing() {
        ConsoleProgress p = progress(ConsoleProgress.Mode.QUIET);
        p.started("a", 0, 3);
        p.progress("a", 5, 10);
        p.finished("a", 100);
        assertEquals("", text.toString());
    }
}
