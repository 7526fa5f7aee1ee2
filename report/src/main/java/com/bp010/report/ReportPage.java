package com.bp010.report;

import com.bp010.report.Attention.WellAttention;
import com.bp010.report.ReportModel.Well;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole page, one self-contained HTML file: no script, no external resource (styles and charts inline), a
 * viewport for phones. Exceptions first, then the field's state and semaphores, a section per well, the field's
 * production and energy, data quality, and how the numbers are made.
 */
final class ReportPage {
    private ReportPage() {
    }

    static String render(ReportModel m, String title, int maxWellSections) {
        Messages msg = new Messages(m.labels().lang());
        Words w = new Words(m.labels(), msg, new Format(m.labels().lang(), m.window().zone()));
        StringBuilder h = new StringBuilder(256 * 1024);
        head(h, title, w);
        header(h, m, title, w, !m.empty());
        if (m.empty()) {
            NoDataPage.render(h, m, w);
            return h.append("</main></body></html>").toString();
        }
        List<WellAttention> ranked = Attention.rank(m);
        ExceptionsSection.render(h, ranked, m.wells().size(), w);
        h.append("<section id=\"state\"><h2>").append(Html.esc(msg.get("state.title"))).append("</h2>");
        FieldSection.states(h, m.wells(), w);
        h.append("</section>");
        MatrixSection.render(h, m.wells(), m.matrix(), w, m.stateAsOf());
        wells(h, m, ranked, maxWellSections, w);
        FieldSection.render(h, m.fieldDays(), m.consistency(), w);
        QualitySection.render(h, m.window(), m.dqScore(), m.dqFailures(), m.dqRules(), w);
        h.append("</main><footer><h2>").append(Html.esc(msg.get("notes.title"))).append("</h2><ul class=\"more\">");
        for (String key : List.of("notes.order", "notes.state", "notes.since", "notes.hourly", "notes.daily", "notes.palette",
                "notes.views")) {
            h.append("<li>").append(Html.esc(msg.get(key))).append("</li>");
        }
        return h.append("</ul></footer></body></html>").toString();
    }

    private static void head(StringBuilder h, String title, Words w) {
        h.append("<!DOCTYPE html><html lang=\"").append(w.fmt.lang().tag()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"color-scheme\" content=\"light\"><title>").append(Html.esc(title))
                .append("</title><style>").append(Styles.css()).append("</style></head><body>")
                .append("<svg width=\"0\" height=\"0\" style=\"position:absolute\" aria-hidden=\"true\"><defs>")
                .append("<pattern id=\"bp010-hatch\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\">")
                .append("<rect width=\"4\" height=\"4\" fill=\"#cfe9df\"/>")
                .append("<path d=\"M0,4 l4,-4\" stroke=\"#009E73\" stroke-width=\"1\"/></pattern></defs></svg>");
    }

    private static void header(StringBuilder h, ReportModel m, String title, Words w, boolean toc) {
        h.append("<header class=\"top\"><h1>").append(Html.esc(title)).append("</h1><p class=\"meta\">")
                .append(Html.esc(w.msg.get("header.window", w.fmt.day(m.window().from()), w.fmt.day(m.window().to()),
                        m.window().zone().getId()))).append("</p><p class=\"meta\">")
                .append(Html.esc(w.msg.get("header.generated", w.fmt.time(m.generatedAt()),
                        w.fmt.time(m.stateAsOf())))).append("</p>");
        if (toc) {
            h.append("<nav class=\"toc\">");
            for (String[] link : new String[][] {{"exceptions", "nav.exceptions"}, {"matrix", "nav.matrix"},
                    {"wells", "nav.wells"}, {"field", "nav.field"}, {"dq", "nav.dq"}}) {
                h.append("<a href=\"#").append(link[0]).append("\">").append(Html.esc(w.msg.get(link[1]))).append("</a>");
            }
            h.append("</nav>");
        }
        h.append("</header><main>");
    }

    private static void wells(StringBuilder h, ReportModel m, List<WellAttention> ranked, int max, Words w) {
        Map<String, WellAttention> byWell = new LinkedHashMap<>();
        ranked.forEach(a -> byWell.put(a.well().id(), a));
        Map<String, Well> order = new LinkedHashMap<>();
        ranked.forEach(a -> order.put(a.well().id(), a.well()));
        m.wells().stream().sorted(java.util.Comparator.comparing(Well::id)).forEach(x -> order.putIfAbsent(x.id(), x));
        List<Well> shown = order.values().stream().limit(max).toList();
        h.append("<section id=\"wells\"><h2>").append(Html.esc(w.msg.get("wells.title"))).append("</h2>")
                .append("<nav class=\"well-index\">");
        for (Well x : shown) {
            h.append("<a class=\"").append(StateStyle.css(x.state())).append("\" href=\"#")
                    .append(Html.esc(Html.wellAnchor(x.id()))).append("\">").append(Html.esc(x.id())).append("</a>");
        }
        h.append("</nav>");
        if (shown.size() < order.size()) {
            h.append("<p class=\"note\">").append(Html.esc(w.msg.get("wells.capped", shown.size(), order.size())))
                    .append("</p>");
        }
        for (Well x : shown) {
            WellSection.render(h, x, byWell.get(x.id()), m, w);
        }
        h.append("</section>");
    }
}
