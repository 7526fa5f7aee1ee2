package com.bp010.local;

import com.bp010.testsupport.TestDatabase;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's first command: the whole pipeline on generated data, a summary, and a report a browser can show. */
class DemoCommandIT {
    @Test
    void shouldRunTheWholePipelineAndWriteAReportABrowserRenders(@TempDir Path tmp) throws Exception {
        Path report = tmp.resolve("report.html");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try (TestDatabase db = TestDatabase.create()) {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            try {
                exit = Bp010.run("demo", "--wells", "4", "--days", "2", "--jdbc-url", db.jdbcUrl(),
                        "--report", report.toString(), "--data-dir", tmp.resolve("data").toString());
            } finally {
                System.setOut(original);
            }
            assertThat(db.count("SELECT count(*) FROM reporting.dataset_current_values")).isEqualTo(4);
        }

        String summary = stdout.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(summary).isZero();
        assertThat(summary).contains("Wells: 4", "Data quality: score", "Wells by state:", "Consistency violations:",
                "Top alerts", "Report: " + report.toAbsolutePath());
        assertThat(Files.size(report)).isPositive();

        try (WebClient browser = new WebClient()) {
            browser.getOptions().setJavaScriptEnabled(false);
            browser.getOptions().setCssEnabled(true);
            HtmlPage page = browser.getPage(report.toUri().toURL());
            assertThat(page.getTitleText()).startsWith("BP010 demo");

            List<DomNode> matrixRows = page.querySelectorAll("#matrix tbody tr");
            assertThat(matrixRows).hasSize(4);
            for (DomNode row : matrixRows) {
                assertThat(row.querySelectorAll("td.cell", row)).hasSize(17);
            }
            assertThat(page.querySelectorAll("#matrix td.cell[data-code]")).isNotEmpty();

            List<DomNode> series = page.querySelectorAll("svg.chart polyline.series");
            assertThat(series).hasSizeGreaterThanOrEqualTo(5);
            assertThat(series).allSatisfy(p ->
                    assertThat(p.getAttributes().getNamedItem("points").getNodeValue()).contains(","));

            // Planted faults: a well master breaking RC-005 and RC-006 shows up among the alerts.
            assertThat(page.querySelector("#alerts").asNormalizedText()).contains("RC-005", "RC-006");
            assertThat(page.querySelectorAll("#dq tbody tr")).hasSize(35);
            assertThat(page.querySelectorAll("#states .card")).isNotEmpty();
        }
    }
}
