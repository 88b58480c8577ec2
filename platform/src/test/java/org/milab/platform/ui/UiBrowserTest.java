package org.milab.platform.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milab.platform.report.FakeRun;
import org.milab.platform.report.FolderRunCatalog;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in a real headless Chromium (Debian's chromium and chromium-driver; Selenium Manager is not used, so
 * nothing is downloaded): pages load without console errors, a filter works, a comparison renders, live progress
 * shows. Screenshots go to {@code target/ui-screenshots}. Skipped when the browser is not installed (other paths:
 * {@code -Dmilab.test.chromium=...}, {@code -Dmilab.test.chromedriver=...}).
 */
class UiBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("milab.test.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("milab.test.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SHOTS = Path.of("target", "ui-screenshots");

    @TempDir
    static Path tmp;
    private static UiServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "needs the chromium and chromium-driver packages");
        Path runs = tmp.resolve("runs");
        FakeRun.write(runs, "alpha", "20260101-000001-aaaaaa", "ok", 3, 1.0);
        FakeRun.write(runs, "beta", "20260101-000002-bbbbbb", "ok", 5, 1.2);
        FakeRun.write(runs, "<b>bold</b> & \"quoted\"", "20260101-000003-cccccc", "failed", 3, 0.9);
        FakeRun.running(runs, "gamma", "20260101-000004-dddddd", 10, 100);
        server = UiServer.start(new FolderRunCatalog(runs), new InetSocketAddress("127.0.0.1", 0), false);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1600",
                "--user-data-dir=" + Files.createDirectories(tmp.resolve("chromium-profile")));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private static void open(String path) {
        browser.get(server.uri().resolve(path).toString());
    }

    private static void noConsoleErrors(String page) {
        List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertEquals(List.of(), severe.stream().map(LogEntry::getMessage).toList(), "console errors on " + page);
    }

    private static void screenshot(String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static List<String> listedIds() {
        return browser.findElements(By.cssSelector("tr.run")).stream().map(r -> r.getAttribute("data-id")).toList();
    }

    @Test
    void theConsoleCheckSeesAScriptError() {
        browser.get("data:text/html,<p>x</p><script>noSuchFunction()</script>");
        List<LogEntry> logs = browser.manage().logs().get(LogType.BROWSER).getAll();
        assertTrue(logs.stream().anyMatch(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()
                && e.getMessage().contains("noSuchFunction")), "the negative control is seen: " + logs);
    }

    @Test
    void theRunsListLoadsAndShowsHostileNamesAsText() throws IOException {
        open("/");
        assertEquals(4, listedIds().size());
        assertTrue(browser.findElements(By.cssSelector("#runs b")).isEmpty(), "no markup from a run's name");
        assertTrue(browser.findElement(By.id("runs")).getText().contains("<b>bold</b> & \"quoted\""));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.findElement(
                By.cssSelector("[data-progress='20260101-000004-dddddd']")).getText().contains("train 10/100"));
        screenshot("runs");
        noConsoleErrors("/");
    }

    @Test
    void aFilterNarrowsTheList() throws IOException {
        open("/");
        browser.findElement(By.id("f-experiment")).sendKeys("beta");
        browser.findElement(By.id("f-apply")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("experiment=beta"));
        assertEquals(List.of("20260101-000002-bbbbbb"), listedIds());
        screenshot("filtered");
        noConsoleErrors("the filtered list");
    }

    @Test
    void twoRunsCompareSideBySide() throws IOException {
        open("/");
        for (String id : List.of("20260101-000001-aaaaaa", "20260101-000002-bbbbbb")) {
            browser.findElement(By.cssSelector("tr.run[data-id='" + id + "'] input[type=checkbox]")).click();
        }
        browser.findElement(By.id("compare-button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/compare"));
        WebElement diff = browser.findElement(By.cssSelector("#param-diff tr.diff"));
        assertTrue(diff.getText().startsWith("ksg.k"), diff.getText());
        List<WebElement> curves = browser.findElements(By.cssSelector("#metrics svg.chart polyline"));
        assertEquals(2, curves.size(), "one curve per run, overlaid");
        assertTrue(browser.findElement(By.id("compare-estimates")).getText().contains("1.2000"));
        screenshot("compare");
        noConsoleErrors("/compare");
    }

    @Test
    void aRunsPageShowsItsReport() throws IOException {
        open("/");
        browser.findElement(By.linkText("20260101-000002-bbbbbb")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/run/"));
        assertTrue(browser.findElement(By.cssSelector("#graph svg.graph")).isDisplayed());
        assertTrue(browser.findElement(By.id("estimates")).getText().contains("1.2000"));
        screenshot("run");
        noConsoleErrors("/run/20260101-000002-bbbbbb");
    }
}
