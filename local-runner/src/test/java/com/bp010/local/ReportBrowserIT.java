package com.bp010.local;

import com.bp010.local.browser.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's report in a real browser (Debian's headless Chromium) at a phone's width (420 px) and a desktop's (1,400
 * px): the page never scrolls sideways (wide tables scroll inside their own box), every chart is drawn with a size,
 * and every well's section is reached from its link. Skipped, saying so, where Chromium is not installed. With
 * {@code BP010_REPORT_SCREENSHOTS=DIR} it also saves what a reader sees first and the whole page at each width.
 */
class ReportBrowserIT {
    private static HeadlessChromium browser;

    private static final Optional<String> MISSING = HeadlessChromium.unavailable();

    @BeforeAll
    static void startTheBrowser() throws Exception {
        if (MISSING.isPresent()) {
            System.err.println("ReportBrowserIT SKIPPED: " + MISSING.get());
            return;
        }
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {420, 1400})
    void shouldFitTheWidthDrawEveryChartAndReachEveryWell_whenOpenedInChromium(int width) throws Exception {
        Assumptions.assumeTrue(MISSING.isEmpty(), () -> "SKIPPED, no headless browser: " + MISSING.orElse(""));
        DemoRun demo = DemoRun.get();
        browser.open(demo.report.toUri(), width, 900);

        assertThat(((Number) browser.js("return window.innerWidth")).intValue()).as("layout viewport").isEqualTo(width);
        @SuppressWarnings("unchecked")
        Map<String, Number> widths = (Map<String, Number>) browser.js("""
                const d = document.documentElement;
                return {client: d.clientWidth, doc: d.scrollWidth, body: document.body.scrollWidth};""");
        assertThat(widths.get("doc").intValue()).as("page width at %d px: %s", width, widths)
                .isLessThanOrEqualTo(widths.get("client").intValue());
        assertThat(widths.get("body").intValue()).as("body width at %d px: %s", width, widths)
                .isLessThanOrEqualTo(widths.get("client").intValue());

        @SuppressWarnings("unchecked")
        List<String> badCharts = (List<String>) browser.js("""
                return Array.from(document.querySelectorAll('svg.chart')).map((e, i) => {
                    const r = e.getBoundingClientRect();
                    return (r.width < 50 || r.height < 30 || r.right > document.documentElement.clientWidth + 1)
                        ? i + ':' + (e.querySelector('title') || {}).textContent + ' ' + r.width + 'x' + r.height
                          + ' right ' + r.right : null;
                }).filter(x => x);""");
        long charts = ((Number) browser.js("return document.querySelectorAll('svg.chart').length")).longValue();
        assertThat(charts).isGreaterThan(DemoRun.WELLS * 15L);
        assertThat(badCharts).as("charts without a size or past the edge at %d px", width).isEmpty();

        @SuppressWarnings("unchecked")
        List<String> wideBoxes = (List<String>) browser.js("""
                const w = document.documentElement.clientWidth;
                return Array.from(document.querySelectorAll('.scroll, table, section, ol, p, h1, h2, h3'))
                    .filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.scroll table'))
                    .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));""");
        assertThat(wideBoxes).as("boxes past the right edge at %d px", width).isEmpty();

        List<WebElement> sections = browser.driver().findElements(By.cssSelector("section.well"));
        assertThat(sections).hasSize(DemoRun.WELLS);
        for (WebElement section : sections) {
            String id = section.getAttribute("id");
            browser.js("window.scrollTo(0, 0)");
            WebElement link = browser.driver().findElement(By.cssSelector(".well-index a[href='#" + id + "']"));
            browser.js("arguments[0].scrollIntoView({block: 'center'})", link);
            link.click();
            Number top = (Number) browser.js("return arguments[0].getBoundingClientRect().top", section);
            assertThat(top.doubleValue()).as("%s reached at %d px", id, width).isBetween(-2.0, 40.0);
            assertThat(section.isDisplayed()).isTrue();
            // the pump card drawn with a size, its diagnosis and reasons visible beside it
            WebElement pump = section.findElement(By.cssSelector("svg.chart.card.pump"));
            assertThat(pump.getRect().getWidth()).as("%s pump card at %d px", id, width).isGreaterThan(50);
            assertThat(pump.getRect().getHeight()).isGreaterThan(30);
            WebElement diagnosis = section.findElement(By.cssSelector("div.pump.diagnosis"));
            assertThat(diagnosis.isDisplayed()).isTrue();
            assertThat(diagnosis.findElement(By.cssSelector("ul.reasons li")).getText()).as(id).isNotBlank();
        }
        screenshots(width);
    }

    private static void screenshots(int width) throws Exception {
        String dir = System.getenv("BP010_REPORT_SCREENSHOTS");
        if (dir == null || dir.isBlank()) {
            return;
        }
        Path out = Files.createDirectories(Path.of(dir));
        browser.js("window.scrollTo(0, 0)");
        Files.write(out.resolve("report-" + width + "-top.png"), browser.screenshot());
        Files.write(out.resolve("report-" + width + "-full.png"), browser.fullPage(width, 16000));
    }
}
