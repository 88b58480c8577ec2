package org.milab.platform.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportPageTest {

    private static final String HOSTILE = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";

    @TempDir
    Path tmp;

    @Test
    void aHostileExperimentNameAndParameterAreEscapedEverywhere() throws IOException {
        Path run = FakeRun.write(tmp, HOSTILE, "20260101-000000-aaaaaa", "ok", 3, 1.1);
        FakeRun.put(run, "experiment.yaml", "experiment: x\nnote: \"" + HOSTILE.replace("\"", "\\\"") + "\"\n");
        String html = Files.readString(HtmlReport.writeInto(run));
        assertFalse(html.contains("<script>alert"), "no script from the run's data");
        assertFalse(html.contains("<img src=x"), "no element from the run's data");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x"),
                "the name shows as text");
        assertEquals(0, count(html, "<script"), "a report has no script at all");
    }

    @Test
    void theReportHoldsEstimatesGraphCurvesFiguresAndProvenanceInOneFile() throws IOException {
        Path run = FakeRun.write(tmp, "demo", "20260101-000000-bbbbbb", "ok", 3, 1.1);
        String html = ReportPage.render(RunData.read(run));
        assertTrue(html.contains("1.1000") && html.contains("1.0000") && html.contains("0.0953")
                && html.contains("0.0200"), "estimate, truth, log-ratio ln(1.1) and its standard error");
        assertTrue(html.contains("<svg class=\"graph\""), "the graph is drawn");
        assertTrue(html.contains("train \u2014 train-loss"), "the metric curve");
        assertTrue(html.contains("src=\"data:image/png;base64,"), "the figure is embedded");
        assertTrue(html.contains("Lab of Tests &lt;tests@example.org&gt;"), "the plugin's signer");
        assertTrue(html.contains("7577195300259452138"), "a 64-bit node seed keeps every digit");
        assertTrue(html.contains("ab".repeat(32)), "the plugin's hash");
        Matcher external = Pattern.compile("(src|href)=\"(?!data:|#)").matcher(html);
        assertFalse(external.find(), "nothing is loaded from outside the file");
    }

    @Test
    void aSweepGetsAPlotOfEachResultOverTheSweptParameter() {
        Path run = FakeRun.write(tmp, "sweep", "20260101-000000-cccccc", "ok", 3, 1.0);
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            points.append(i == 0 ? "" : ",").append("{\"sweep\":{\"data.mi\":").append(0.5 * (i + 1))
                    .append("},\"nodes\":{\"ksg\":{\"extension\":\"estimators-classic/ksg\",\"outputs\":{\"estimate\":")
                    .append("{\"mi\":").append(0.5 * (i + 1) - 0.01).append(",\"n\":100}},\"truth\":{\"mi\":")
                    .append(0.5 * (i + 1)).append("}}}}");
        }
        FakeRun.put(run, "results.json", "{\"points\":[" + points + "]}");
        String html = ReportPage.render(RunData.read(run));
        assertTrue(html.contains("ksg (estimators-classic/ksg) over data.mi"), "a sweep plot per estimating node");
        assertTrue(html.contains(">truth</text>"), "the truth is in the plot's legend");
    }

    @Test
    void aSweptTrainingGetsAPlotOfEachOfItsMetrics() {
        Path run = FakeRun.write(tmp, "vib", "20260101-000000-dddddd", "ok", 3, 1.0);
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            points.append(i == 0 ? "" : ",").append("{\"sweep\":{\"vib.beta\":").append(Math.pow(10, -i))
                    .append("},\"nodes\":{\"vib\":{\"outputs\":{\"result\":{\"metrics\":{\"epochs\":3,")
                    .append("\"test-accuracy\":").append(0.6 + 0.1 * i).append("}}}}}}");
        }
        FakeRun.put(run, "results.json", "{\"points\":[" + points + "]}");
        String html = ReportPage.render(RunData.read(run));
        assertTrue(html.contains("vib: test-accuracy over vib.beta"), "the metric over the sweep");
        assertFalse(html.contains("vib: epochs"), "not the epoch count");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
