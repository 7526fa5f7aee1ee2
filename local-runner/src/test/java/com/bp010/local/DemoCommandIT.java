package com.bp010.local;

import org.htmlunit.WebClient;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import com.bp010.demo.PumpProblem;
import com.bp010.report.SurveillanceReport;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command: the whole pipeline on generated data, a summary, and the surveillance report with the
 * planted faults where an engineer looks first. Layout in a real browser: {@link ReportBrowserIT}.
 */
class DemoCommandIT {
    private static DemoRun demo;
    private static HtmlPage page;

    @BeforeAll
    static void runTheDemo() throws Exception {
        demo = DemoRun.get();
        WebClient browser = new WebClient();
        browser.getOptions().setJavaScriptEnabled(false);
        browser.getOptions().setCssEnabled(true);
        page = browser.getPage(demo.report.toUri().toURL());
    }

    @Test
    void shouldRunTheWholePipelineAndPrintTheSummary_whenRunningTheDemo() throws Exception {
        assertThat(demo.exit).as(demo.stdout).isZero();
        assertThat(demo.stdout).contains("Wells: " + DemoRun.WELLS, "Data quality: score", "Wells by state:", "Consistency violations:",
                "Top alerts", "Report: " + demo.report.toAbsolutePath());
        assertThat(demo.db.count("SELECT count(*) FROM reporting.dataset_current_values")).isEqualTo(DemoRun.WELLS);
        assertThat(Files.size(demo.report)).isPositive();
    }

    @Test
    void shouldNameTheAlertsStatesAsTheReportDoes_notByTheCataloguesCodes() {
        String alerts = demo.stdout.substring(demo.stdout.indexOf("Top alerts"));
        alerts = alerts.substring(0, alerts.indexOf("\nField on") < 0 ? alerts.indexOf("\nReport:")
                : alerts.indexOf("\nField on"));
        assertThat(alerts).as(alerts).doesNotContainPattern("(CRITICO|ALERTA|NORMAL)_(BAJO|ALTO)|SIN_COMUNICACION"
                        + "|FUERA_DE_RANGO")
                .containsPattern("(?m)^  DEMO-\\d{4} +\\S+ +\\S+ +\\S+ = .*: (Critical|Warning|Outside|No communication)");
    }

    @Test
    void shouldShowTheSameDqScoreInConsoleAndReport_andListTheFailedChecks() {
        String line = demo.stdout.lines().filter(l -> l.startsWith("Data quality: score")).findFirst().orElseThrow();
        String console = line.substring("Data quality: score ".length(), line.indexOf(" %"));
        String report = page.querySelector("#dq .tile b").asNormalizedText().replace(",", ".").replace(" %", "")
                .replace("\u00a0", "").trim();
        assertThat(console).as(line).isEqualTo(report);
        assertThat(console).as("planted faults fail checks: never 100 %").isNotEqualTo("100.00");
        assertThat(demo.stdout).contains("Failed checks (most severe first");
        List<DomNode> failures = page.querySelectorAll("#dq-failures tbody tr");
        assertThat(failures).as("the report lists the failed checks").isNotEmpty();
        assertThat(page.querySelector("#dq-failures").asNormalizedText()).contains("DEMO-");
    }

    @Test
    void shouldShowTheGlitchAndTheHalfDayDowntime_whenReadingTheSummary() {
        assertThat(demo.stdout).as("the planted energy glitch, left out").contains("DQP-001", "DEMO-0003", "a glitch");
        // its time as the failed checks' lines write it (field time, to the minute), not a JDBC timestamp's text
        assertThat(demo.stdout).as("the project check's line").containsPattern(
                "(?m)^  DQP-001 DEMO-0003  \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}  energy_kwh = 0 between")
                .doesNotContain(":00.0 ");
        assertThat(demo.stdout).as("the planted 12 h stop").containsPattern("Downtime: DEMO-0002 on \\S+ ran \\d");
        assertThat(demo.db.count("SELECT count(*) FROM reporting.fact_operaciones_horarias WHERE well_id = 'DEMO-0003'"
                + " AND energia_kwh > 1000")).as("no spike from the glitch").isZero();
        assertThat(demo.db.count("SELECT count(*) FROM stage.tbl_pozo_scada_dq WHERE rule_id = 'DQP-002'"))
                .as("no normal delta refused by the ceiling").isZero();
        Object efficiency = demo.db.queryValue("SELECT pump_efficiency_pct FROM reporting.fact_operaciones_diarias"
                + " WHERE well_id = 'DEMO-0002' AND horas_con_datos = 24 AND uptime_pct < 75 ORDER BY fecha DESC LIMIT 1");
        assertThat(((Number) efficiency).doubleValue()).as("volumetric efficiency on the half-day stopped")
                .isBetween(30.0, 100.0);
    }

    @Test
    void shouldShowTheGlitchThePartialDayAndTheWrongMastersCrossCheck_whenReadingTheReport() {
        String text = page.asNormalizedText();
        assertThat(text).as("the glitch among the failed checks").contains("DQP-001");
        // 48 hourly readings ending at the current hour: most hours of the day, the first or last field day shown has
        // less than 90 % of its hours; at 22-23 h UTC both shown days reach 90 % and none may be marked. At any hour:
        // a day is marked partial exactly when it is incomplete, in the report and in the database.
        List<DomNode> rows = page.querySelectorAll("section.well table.daily tbody tr");
        assertThat(rows).as("daily rows in the well sections").isNotEmpty();
        for (DomNode node : rows) {
            HtmlTableRow row = (HtmlTableRow) node;
            String hours = row.getCell(1).asNormalizedText(); // "23 / 24"
            String[] parts = hours.split("/");
            double share = Double.parseDouble(parts[0].trim()) / Double.parseDouble(parts[1].trim());
            boolean partial = row.getAttribute("class").contains("partial");
            assertThat(partial).as("an incomplete day is marked, never read as whole: " + row.asNormalizedText())
                    .isEqualTo(share < 0.9);
            assertThat(row.asNormalizedText().contains("(parcial)")).as(row.asNormalizedText()).isEqualTo(partial);
        }
        assertThat(demo.db.count("SELECT count(*) FROM reporting.fact_operaciones_diarias WHERE completo IS DISTINCT FROM"
                + " (horas_con_datos >= 0.9 * horas_periodo)")).as("the database's flag, the same rule").isZero();
        assertThat(page.querySelector("#exceptions").asNormalizedText())
                .as("the wrong master: measured PIP against the PIP calculated from the fluid level").contains("VC-001");
        assertThat(demo.stdout).as("counted in the run's byRule").containsPattern("VC-001=1");
    }

    @Test
    void shouldPutThePlantedFaultsInTheExceptionsList_whenReadingTheTopOfTheReport() {
        assertThat(page.getTitleText()).startsWith("BP010 demo");
        assertThat(page.querySelectorAll("main > section").get(0).getAttributes().getNamedItem("id").getNodeValue())
                .isEqualTo("exceptions");
        String exceptions = page.querySelector("#exceptions").asNormalizedText();
        // the well master breaking RC-005 and RC-006 (bad-master-data) is on the list, with both values
        assertThat(exceptions).contains("RC-005", "RC-006", DemoRun.wellId(DemoRun.WELLS - 1));
        List<DomNode> items = page.querySelectorAll("#exceptions ol.exceptions > li");
        assertThat(items).isNotEmpty();
        for (DomNode item : items) {
            String well = item.getAttributes().getNamedItem("data-well").getNodeValue();
            assertThat(page.querySelectorAll("section.well[data-well='" + well + "']")).as(well).hasSize(1);
            assertThat(item.querySelectorAll("p.why", item).get(0).asNormalizedText()).as(well).isNotBlank();
        }
    }

    @Test
    void shouldDiagnoseEachPlantedPumpProblemAsPlanted_whenTheDemoCardsComeFromTheForwardModel() throws Exception {
        for (PumpProblem p : PumpProblem.values()) {
            String well = DemoRun.wellId(p.ordinal());
            String pattern = p.pattern().name();
            // the summary names the well, what was planted, what the diagnosis says and why
            assertThat(demo.stdout).as(well).containsPattern(well + " +planted " + pattern + " \\(.+\\): diagnosed "
                    + pattern + " \\((LOW|MODERATE|SEVERE), confidence 0\\.\\d\\d, PUMP basis\\) because \\S.+");
            // every card shows the problem (the pump has it whatever hour the set starts at), on the pump card; the
            // first well's planted broken card aside
            long cards = demo.db.count("SELECT count(*) FROM reporting.vw_card_diagnoses WHERE well_id = ?", well);
            assertThat(cards).as(well).isGreaterThan(40);
            assertThat(demo.db.count("SELECT count(*) FROM reporting.vw_card_diagnoses WHERE well_id = ?"
                    + " AND patron = ? AND base = 'PUMP'", well, pattern)).as(well).isBetween(cards - 1, cards);
            assertThat(demo.db.count("SELECT count(*) FROM reporting.vw_card_diagnoses WHERE well_id = ?"
                    + " AND patron = 'FULL_PUMP'", well)).as(well).isZero();
            // and the streak is an alert with its reason
            assertThat(demo.db.count("SELECT count(*) FROM reporting.vw_alerts WHERE tipo = 'CARTA' AND well_id = ?"
                    + " AND referencia = ? AND mensaje LIKE '%cards: %'", well, pattern)).as(well).isOne();
        }
        // the well with no planted problem (and a right master) reads as a full pump on every card
        String healthy = DemoRun.wellId(PumpProblem.values().length);
        assertThat(demo.db.count("SELECT count(*) FROM reporting.vw_card_diagnoses WHERE well_id = ?"
                + " AND patron <> 'FULL_PUMP'", healthy)).isZero();
        assertThat(demo.db.count("SELECT count(*) FROM reporting.vw_card_diagnoses WHERE well_id = ?", healthy))
                .isEqualTo(demo.db.count("SELECT count(*) FROM reporting.vw_dynacards WHERE well_id = ?", healthy))
                .isPositive();
        assertThat(demo.stdout).contains("Pump cards (latest diagnosis per well):")
                .doesNotContain("NOT as planted");
    }

    @Test
    void shouldShowEveryCellsStateWithoutHovering_whenReadingTheMatrix() {
        List<DomNode> rows = page.querySelectorAll("#matrix-table tbody tr");
        assertThat(rows).hasSize(DemoRun.WELLS);
        for (DomNode row : rows) {
            List<DomNode> cells = row.querySelectorAll("td.cell", row);
            assertThat(cells).hasSize(17);
            for (DomNode cell : cells) {
                String code = cell.getAttributes().getNamedItem("data-code").getNodeValue();
                String text = cell.asNormalizedText();
                if (List.of("1", "2", "6", "7", "8").contains(code)) {
                    assertThat(text).as("cell at code %s", code).containsAnyOf("▲", "▼", "✕");
                }
                if (!code.isEmpty() && !code.equals("0")) {
                    assertThat(text).as("cell at code %s shows its value", code).matches(".*\\d.*");
                }
            }
        }
        // headers are the catalogue's short codes with units, never raw column names
        String header = page.querySelector("#matrix-table thead").asNormalizedText();
        assertThat(header).contains("WHP", "psi", "PIP", "FL", "ft").doesNotContain("well_head_pressure");
    }

    @Test
    void shouldGiveEveryWellItsSection_whenReadingTheWellPages() throws Exception {
        List<DomNode> sections = page.querySelectorAll("section.well");
        assertThat(sections).hasSize(DemoRun.WELLS);
        for (DomNode s : sections) {
            assertThat(s.querySelectorAll("svg.chart.trend", s)).as("trend charts").hasSizeGreaterThanOrEqualTo(15);
            assertThat(s.querySelectorAll("svg.chart.trend polyline.series", s)).isNotEmpty();
            assertThat(s.querySelectorAll("table.daily tbody tr", s)).isNotEmpty();
            assertThat(s.querySelectorAll("svg.chart.card.surface polygon.loop.latest", s)).hasSize(1);
            // the pump card under it, with its diagnosis and why
            assertThat(s.querySelectorAll("svg.chart.card.pump polygon.loop.latest", s)).hasSize(1);
            assertThat(s.querySelectorAll("div.pump.diagnosis ul.reasons li", s)).isNotEmpty();
        }
        for (PumpProblem p : PumpProblem.values()) {
            DomNode s = page.querySelector("section.well[data-well='" + DemoRun.wellId(p.ordinal()) + "']");
            assertThat(s.querySelectorAll("div.pump.diagnosis[data-pattern='" + p.pattern() + "']", s)).as(p.name())
                    .hasSize(1);
        }
        // a parted rod heads the exceptions list
        assertThat(page.querySelectorAll("#exceptions ol.exceptions > li").get(0).getAttributes()
                .getNamedItem("data-well").getNodeValue()).isEqualTo(DemoRun.wellId(PumpProblem.ROD_PART.ordinal()));
        try (Connection c = DriverManager.getConnection(demo.db.jdbcUrl());
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT count(*) FROM reporting.vw_dynacards WHERE well_id = 'DEMO-0002'")) {
            rs.next();
            assertThat(rs.getLong(1)).isGreaterThan(SurveillanceReport.CARDS_PER_WELL);
        }
        // the cards before the latest, faintly: on the surface card and on the pump card
        for (String chart : List.of("surface", "pump")) {
            assertThat(page.querySelectorAll("section.well[data-well='DEMO-0002'] svg.chart.card." + chart
                    + " polygon.loop.previous")).as(chart).hasSize(SurveillanceReport.CARDS_PER_WELL - 1);
        }
    }
}
