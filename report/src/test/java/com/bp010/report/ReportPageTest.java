package com.bp010.report;

import org.htmlunit.StringWebResponse;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The page rendered from a field built in code, read back as a browser parses it (HtmlUnit, no scripts). */
class ReportPageTest {
    @Test
    void shouldBeOneSelfContainedPageWithAViewport_whenRendered() {
        String html = ReportPage.render(SampleModel.model(Language.ES), "Prueba", 200);

        assertThat(html).contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .doesNotContain("<script", "src=", "http://", "https://", "@import", "<link");
        assertThat(html).contains("viewBox=").doesNotContain("<svg class=\"chart\" width=");
    }

    @Test
    void shouldListTheWellsThatNeedAttentionFirstWithWhyInOneLine_whenRenderedInSpanish() throws Exception {
        HtmlPage page = parse(ReportPage.render(SampleModel.model(Language.ES), "Prueba", 200));

        assertThat(page.getDocumentElement().getAttribute("lang")).isEqualTo("es");
        List<DomNode> items = page.querySelectorAll("#exceptions ol.exceptions > li");
        assertThat(items).extracting(i -> i.getAttributes().getNamedItem("data-well").getNodeValue())
                .containsExactly("W-1", "W-2", "W-3");
        // value, the limit it broke, since when (field time, Bogota) and for how long
        assertThat(items.get(0).querySelectorAll("p.why", items.get(0)).get(0).asNormalizedText())
                .isEqualTo("▲▲ Presión en cabeza de pozo 2.150 psi — Crítico alto (> máx. crítico 2.000 psi)"
                        + " · desde 2026-03-02 10:00 (14 h)");
        // a fluid level below its minimum depth says where the fluid is, not "low"
        assertThat(items.get(1).asNormalizedText()).contains("Alerta: nivel alto sobre la bomba")
                .contains("Bomba asentada por encima del yacimiento");
        assertThat(items.get(2).asNormalizedText()).contains("Presión en cabeza de pozo 9.999 psi > 2.000 psi (DQ-001, HIGH)")
                .contains("Petróleo 40,00 bbl/d el 2026-03-02 frente a un objetivo de 50,00 bbl/d (-20,0 %)");
        assertThat(page.querySelectorAll("section.well")).hasSize(3);
    }

    @Test
    void shouldSpeakOnlyEnglish_whenRenderedInEnglish() throws Exception {
        HtmlPage page = parse(ReportPage.render(SampleModel.model(Language.EN), "Test", 200));
        String text = page.getBody().asNormalizedText();

        assertThat(page.getDocumentElement().getAttribute("lang")).isEqualTo("en");
        assertThat(text).contains("Wells that need attention today", "Wellhead (tubing) pressure 2,150 psi — Critical high",
                "Warning: level high above the pump", "Pump set above the reservoir")
                .doesNotContain("Presión", "Alerta", "CRITICO", "desde");
    }

    @Test
    void shouldSayWhatEachDailyRatioAndTheTargetRateAreTakenOver_whenRendered() throws Exception {
        // kWh/bbl and pump efficiency are sums over the day's matched hours, not the day's energy / its barrels (a
        // glitch or a gap leaves its hours out); a day not over yet (today) is partial: no uptime, no variance; the
        // exceptions' oil is the day's rate over its hours with an oil rate, not its barrels
        String en = parse(ReportPage.render(SampleModel.model(Language.EN), "Test", 200)).getBody().asNormalizedText();
        String es = parse(ReportPage.render(SampleModel.model(Language.ES), "Prueba", 200)).getBody().asNormalizedText();

        assertThat(en).contains("both over the day's hours whose counter difference is that hour's own",
                "or not over yet (today), is incomplete",
                "oil rate of the latest complete day (its barrels x 24 / its hours with an oil rate)")
                .doesNotContain("the day's energy / the day's barrels");
        // which stroke the displaced volume takes: the plunger's (from the controller), 15 % or so below the surface's
        assertThat(en).contains("the controller's plunger stroke (else the surface stroke)");
        assertThat(es).contains("carrera del pistón que da el controlador (si no, la carrera en superficie)");
        assertThat(es).contains("ambos sobre las horas del día cuya diferencia de contador es de esa hora",
                "o que aún no termina (hoy), está incompleto",
                "sus barriles x 24 / sus horas con caudal de petróleo");
    }

    @Test
    void shouldShowTheStateInEveryCellAndDrawTheCards_whenRendered() throws Exception {
        HtmlPage page = parse(ReportPage.render(SampleModel.model(Language.ES), "Prueba", 200));

        List<DomNode> w1 = page.querySelectorAll("#matrix-table tbody tr").get(0).querySelectorAll("td.cell",
                page.querySelectorAll("#matrix-table tbody tr").get(0));
        assertThat(w1.get(0).asNormalizedText()).isEqualTo("▲▲2.150");
        assertThat(page.querySelectorAll("#matrix-table tbody tr").get(1).asNormalizedText()).contains("▲5.300");
        DomNode card = page.querySelector("section.well[data-well='W-1']");
        assertThat(card.querySelectorAll("polygon.loop.latest", card)).hasSize(1);
        assertThat(card.asNormalizedText()).contains("rechazada por la regla DQ-024");
        assertThat(page.querySelector("#dq").asNormalizedText()).contains("99,99 %").doesNotContain("100,00 %");
    }

    @Test
    void shouldDrawThePumpCardWithTheDiagnosisAndWhy_whenAWellsCardsAreDiagnosed() throws Exception {
        HtmlPage page = parse(ReportPage.render(SampleModel.withCards(Language.ES), "Prueba", 200));

        DomNode w1 = page.querySelector("section.well[data-well='W-1']");
        // the surface card and the pump card, each with the cards before it faintly
        assertThat(w1.querySelectorAll("svg.chart.card.surface polygon.loop.latest", w1)).hasSize(1);
        assertThat(w1.querySelectorAll("svg.chart.card.pump polygon.loop.latest", w1)).hasSize(1);
        assertThat(w1.querySelectorAll("svg.chart.card.pump polygon.loop.previous", w1)).hasSize(2);
        DomNode diagnosis = w1.querySelectorAll("div.pump.diagnosis", w1).get(0);
        assertThat(diagnosis.getAttributes().getNamedItem("data-pattern").getNodeValue()).isEqualTo("FLUID_POUND");
        assertThat(diagnosis.asNormalizedText()).contains("golpe de fluido", "Severidad severa", "confianza 77 %",
                "carta de fondo", "la carga cae en la carrera descendente al 58,2 % de la carrera (llenado < 90 %), de"
                        + " golpe, en el 4 % de la carrera", "Llenado de bomba 58 %", "bomba llena (90 %)")
                .doesNotContain("the rules' own words");
        // the exceptions list: the parted rod first, with why and since when
        String first = page.querySelectorAll("#exceptions ol.exceptions > li").get(0).asNormalizedText();
        assertThat(first).contains("W-3", "varilla partida (severa, confianza 85 %) en las últimas 5 cartas, desde"
                + " 2026-03-02 21:00: la carga superior de la carta de fondo, -2.434 lbf");
    }

    @Test
    void shouldShowTheCriticalLimitBesideACriticalEpisode_whenAnEpisodeWentBeyondIt() throws Exception {
        // W-1's hourly WHP is 2,100 psi from hour 34 to the end: above the warning max 500 and the critical max 2,000
        DomNode w1 = parse(ReportPage.render(SampleModel.model(Language.EN), "Test", 200))
                .querySelector("section.well[data-well='W-1']");
        List<String> rows = w1.querySelectorAll("table.alerts tbody tr", w1).stream()
                .map(DomNode::asNormalizedText).toList();

        assertThat(rows).filteredOn(r -> r.contains("hourly average")).singleElement().asString()
                .contains("Critical high · hourly average", "2,100 psi", "> critical max 2,000 psi")
                .doesNotContain("warning max", "500");
    }

    @Test
    void shouldSayTheProjectsCounterChecksAreOutsideTheScore_whenTheFailedChecksListOne() throws Exception {
        // the score counts one failed check; the list shows it and a counter glitch (DQP-001), which is no rule's
        ReportModel m = SampleModel.model(Language.EN);
        List<ReportModel.DqFailure> failures = new java.util.ArrayList<>(m.dqFailures());
        failures.add(new ReportModel.DqFailure("W-2", Instant.parse("2026-03-01T09:00:00Z"), "energy_kwh", "0", null,
                "DQP-001", "CONTADOR", "energy_kwh = 0 between 10 and 12: a glitch, left out", "MEDIUM"));
        ReportModel withGlitch = new ReportModel(m.window(), m.generatedAt(), m.stateAsOf(), m.labels(), m.wells(),
                m.matrix(), m.alerts(), m.hourly(), m.daily(), m.cards(), m.diagnoses(), m.consistency(),
                List.copyOf(failures), m.dqScore(), m.dqRules(), m.fieldDays(), m.extent());
        HtmlPage page = parse(ReportPage.render(withGlitch, "Test", 200));

        assertThat(page.querySelector("#dq").asNormalizedText()).contains("1\nFailed checks")
                .contains("1 of these 2 rows are the project's own counter checks (DQP-nnn")
                .contains("they are not among the checks the score counts");
        assertThat((Object) parse(ReportPage.render(SampleModel.model(Language.EN), "Test", 200))
                .querySelector("#dq-project")).isNull();
    }

    @Test
    void shouldSayWhichDaysTheDqScoreCovers_whenRendered() throws Exception {
        // the score is the report's days' (fnc_dq_score over its window), and the section says so, in both languages
        ReportModel en = SampleModel.model(Language.EN);
        String from = new Format(Language.EN, en.window().zone()).day(en.window().from());
        String to = new Format(Language.EN, en.window().zone()).day(en.window().to());
        DomNode dq = parse(ReportPage.render(en, "Test", 200)).querySelector("#dq");

        assertThat(dq.querySelectorAll("h2", dq).get(0).asNormalizedText())
                .isEqualTo("Data quality from " + from + " to " + to);
        assertThat(dq.asNormalizedText()).contains("The score covers these days of the report, not the window of the"
                + " last pipeline run.");
        DomNode es = parse(ReportPage.render(SampleModel.model(Language.ES), "Prueba", 200)).querySelector("#dq");
        assertThat(es.querySelectorAll("h2", es).get(0).asNormalizedText()).startsWith("Calidad de datos del ")
                .contains(" al ");
    }

    @Test
    void shouldNotSaySeverityForAFullPump_whenItsLatestCardHasNone() throws Exception {
        for (Language lang : Language.values()) {
            ReportModel m = SampleModel.withCards(lang);
            java.util.Map<String, List<ReportModel.CardDiagnosis>> d = new java.util.LinkedHashMap<>(m.diagnoses());
            d.put("W-1", m.diagnoses().get("W-1").subList(2, 3)); // only its full pump (severity NONE)
            ReportModel full = new ReportModel(m.window(), m.generatedAt(), m.stateAsOf(), m.labels(), m.wells(),
                    m.matrix(), m.alerts(), m.hourly(), m.daily(), m.cards(), d, m.consistency(), m.dqFailures(),
                    m.dqScore(), m.dqRules(), m.fieldDays(), m.extent());
            HtmlPage page = parse(ReportPage.render(full, "Test", 200));

            DomNode w1 = page.querySelector("section.well[data-well='W-1'] div.pump.diagnosis p.meta");
            assertThat(w1.asNormalizedText()).as(lang.name())
                    .startsWith(lang == Language.EN ? "Confidence 90 % · read on the " : "Confianza 90 % · leído en la ")
                    .doesNotContainIgnoringCase("severity").doesNotContainIgnoringCase("severidad");
            // a diagnosis with a severity still says it
            DomNode w3 = page.querySelector("section.well[data-well='W-3'] div.pump.diagnosis p.meta");
            assertThat(w3.asNormalizedText()).as(lang.name())
                    .startsWith(lang == Language.EN ? "Severity severe · confidence 85 %" : "Severidad severa · confianza 85 %");
        }
    }

    @Test
    void shouldCapTheWellPages_whenThereAreMoreWellsThanTheLimit() throws Exception {
        HtmlPage page = parse(ReportPage.render(SampleModel.model(Language.EN), "Test", 2));

        assertThat(page.querySelectorAll("section.well")).hasSize(2);
        assertThat(page.querySelector("#wells").asNormalizedText()).contains("2 of 3 wells are drawn");
    }

    private static HtmlPage parse(String html) throws Exception {
        try (WebClient client = new WebClient()) {
            client.getOptions().setJavaScriptEnabled(false);
            return client.getPageCreator() == null ? null : (HtmlPage) client.loadWebResponseInto(
                    new StringWebResponse(html, new URL("http://report.local/")), client.getCurrentWindow());
        }
    }
}
