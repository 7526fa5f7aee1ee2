package com.bp010.local;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bp010 report} on the demo's database, connected as the read-only role, in both languages and windows. */
class ReportCommandIT {
    private static DemoRun demo;

    @TempDir
    Path tmp;

    @BeforeAll
    static void runTheDemo() {
        demo = DemoRun.get();
    }

    @Test
    void shouldWriteTheReportAsTheReadOnlyRole_whenGivenAReaderUrl() throws Exception {
        Path out = tmp.resolve("es.html");

        Run run = report("--jdbc-url", demo.db.jdbcUrlAs("bp010_reader"), "--out", out.toString());

        assertThat(run.exit).as(run.err).isZero();
        assertThat(run.out).contains(DemoRun.WELLS + " well(s)").contains(out.toString());
        HtmlPage page = open(out);
        assertThat(page.getDocumentElement().getAttribute("lang")).isEqualTo("es");
        assertThat(page.querySelector("#exceptions h2").asNormalizedText()).contains("Pozos que requieren atención");
        assertThat(page.querySelectorAll("section.well")).hasSize(DemoRun.WELLS);
        assertThat(page.querySelector("#exceptions").asNormalizedText()).contains("Bomba asentada por encima del yacimiento");
    }

    @Test
    void shouldSpeakEnglishThroughout_whenAskedForEn() throws Exception {
        Path out = tmp.resolve("en.html");

        Run run = report("--jdbc-url", demo.db.jdbcUrlAs("bp010_reader"), "--lang", "en", "--out", out.toString());

        assertThat(run.exit).as(run.err).isZero();
        HtmlPage page = open(out);
        String text = page.getBody().asNormalizedText();
        assertThat(page.getDocumentElement().getAttribute("lang")).isEqualTo("en");
        assertThat(text).contains("Wells that need attention today", "Pump set above the reservoir", "Wellhead (tubing) pressure")
                .doesNotContain("Pozos que requieren", "ALERTA_BAJO", "CRITICO_ALTO", "Presión en cabeza");
    }

    @Test
    void shouldReportOneWell_whenGivenWell() throws Exception {
        Path out = tmp.resolve("one.html");

        Run run = report("--jdbc-url", demo.db.jdbcUrlAs("bp010_reader"), "--well", "DEMO-0002", "--out", out.toString());

        assertThat(run.exit).as(run.err).isZero();
        HtmlPage page = open(out);
        assertThat(page.querySelectorAll("section.well")).hasSize(1);
        assertThat(page.querySelectorAll("#matrix-table tbody tr")).hasSize(1);
        assertThat(page.querySelector("section.well").getAttributes().getNamedItem("data-well").getNodeValue())
                .isEqualTo("DEMO-0002");
    }

    @Test
    void shouldWriteAClearNoDataPage_andExitNonZeroNamingTheDaysWithData_whenTheWindowIsEmpty() throws Exception {
        Path out = tmp.resolve("empty.html");

        Run run = report("--jdbc-url", demo.db.jdbcUrlAs("bp010_reader"), "--from", "2001-01-01", "--to", "2001-01-07",
                "--out", out.toString());

        // an empty window is not a report: non-zero, and the days to ask for instead
        assertThat(run.exit).as(run.err).isEqualTo(1);
        assertThat(run.err).contains("no data between 2001-01-01 and 2001-01-07", "the database has days ",
                " to " + LocalDate.now(java.time.ZoneOffset.UTC).getYear(), "give --from and --to within them",
                "leave both out");
        assertThat(run.out).doesNotContain("needing attention");
        HtmlPage page = open(out);
        String text = page.querySelector("#nodata").asNormalizedText();
        assertThat(text).contains("Sin datos en el periodo", "2001-01-01", "2001-01-07",
                LocalDate.now().minusDays(3).getYear() + "-");
        assertThat(page.querySelectorAll("section.well")).isEmpty();
    }

    @Test
    void shouldSayWhatToDo_whenTheWellLanguageOrDateIsWrong() {
        Run well = report("--jdbc-url", demo.db.jdbcUrlAs("bp010_reader"), "--well", "NOPE-1", "--out",
                tmp.resolve("x.html").toString());
        Run lang = report("--jdbc-url", demo.db.jdbcUrlAs("bp010_reader"), "--lang", "fr", "--out",
                tmp.resolve("y.html").toString());
        Run date = report("--jdbc-url", demo.db.jdbcUrlAs("bp010_reader"), "--from", "01/03/2026", "--out",
                tmp.resolve("z.html").toString());

        assertThat(well.exit).isEqualTo(1);
        assertThat(well.err).contains("No well 'NOPE-1'", "leave --well out");
        assertThat(lang.exit).isEqualTo(1);
        assertThat(lang.err).contains("'fr'", "use es or en");
        assertThat(date.exit).isEqualTo(1);
        assertThat(date.err).contains("--from '01/03/2026'", "YYYY-MM-DD");
        assertThat(Files.exists(tmp.resolve("x.html"))).isFalse();
    }

    @Test
    void shouldSayCheckTheUrlInOneSentence_whenNothingListensThere() {
        Run run = report("--jdbc-url", "jdbc:postgresql://127.0.0.1:1/review_none?user=postgres", "--out",
                tmp.resolve("refused.html").toString());

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err).startsWith("bp010 report: DATABASE: Could not connect: ")
                .contains("refused", ". Check --jdbc-url").doesNotContain("..");
        assertThat(tmp.resolve("refused.html")).doesNotExist();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run report(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = System.out;
        PrintStream e = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 1];
            all[0] = "report";
            System.arraycopy(args, 0, all, 1, args.length);
            int exit = Bp010.run(all);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(o);
            System.setErr(e);
        }
    }

    private static HtmlPage open(Path file) throws Exception {
        WebClient browser = new WebClient();
        browser.getOptions().setJavaScriptEnabled(false);
        return browser.getPage(file.toUri().toURL());
    }
}
