package com.bp010.local.browser;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Debian's Chromium driven through Debian's chromedriver (packages {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs): headless, no sandbox (CI runs as root), no background networking, a fresh profile per
 * browser. Page widths below headless Chromium's ~500 px minimum window are set with DevTools device metrics
 * ({@code Emulation.setDeviceMetricsOverride}, as a phone: the page's viewport tag then decides the layout width).
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final Path DEFAULT_BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DEFAULT_DRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Why the browser cannot run here, or empty when it can (both executables present). */
    public static Optional<String> unavailable() {
        if (!Files.isExecutable(browser())) {
            return Optional.of("no Chromium at " + browser() + " (apt-get install chromium chromium-driver;"
                    + " .ci/run does it; CHROMIUM_BIN overrides the path)");
        }
        if (!Files.isExecutable(driverPath())) {
            return Optional.of("no chromedriver at " + driverPath() + " (apt-get install chromium-driver;"
                    + " CHROMEDRIVER_BIN overrides the path)");
        }
        return Optional.empty();
    }

    public static HeadlessChromium start() throws IOException {
        Path profile = Files.createTempDirectory("bp010-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driverPath().toFile())
                .usingAnyFreePort().withSilent(true).build();
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    /** Lays the page out {@code width} px wide (a phone below 800 px) and opens it. */
    public void open(URI page, int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 800));
        driver.get(page.toString());
    }

    public Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** The visible viewport as PNG. */
    public byte[] screenshot() {
        return driver.getScreenshotAs(OutputType.BYTES);
    }

    /** The whole page as PNG (at most {@code maxHeight} px tall). */
    public byte[] fullPage(int width, int maxHeight) {
        long height = Math.min(maxHeight, ((Number) js("return document.documentElement.scrollHeight")).longValue());
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 800));
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temporary profile is harmless
            }
        }
    }

    private static Path browser() {
        String p = System.getenv("CHROMIUM_BIN");
        return p == null || p.isBlank() ? DEFAULT_BROWSER : Path.of(p);
    }

    private static Path driverPath() {
        String p = System.getenv("CHROMEDRIVER_BIN");
        return p == null || p.isBlank() ? DEFAULT_DRIVER : Path.of(p);
    }
}
