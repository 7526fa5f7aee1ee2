package com.bp010.report;

import com.bp010.report.Attention.Reason;
import com.bp010.report.Attention.WellAttention;
import com.bp010.report.Episodes.Episode;
import com.bp010.report.ReportModel.DailyKpi;
import com.bp010.report.ReportModel.DqFailure;
import com.bp010.report.ReportModel.Finding;
import com.bp010.report.ReportModel.HourlySeries;
import com.bp010.report.ReportModel.Limits;
import com.bp010.report.ReportModel.LiveAlert;
import com.bp010.report.ReportModel.MatrixCell;
import com.bp010.report.ReportModel.SurfaceCard;
import com.bp010.report.ReportModel.Well;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One well's page (an anchored section): why it is on the list; its variables over the window against their bands;
 * daily production, runtime, efficiency and energy; its alerts (live, with since when, and the episodes of the window);
 * its failed DQ checks; its dynamometer cards; its consistency findings.
 */
final class WellSection {
    private WellSection() {
    }

    static void render(StringBuilder h, Well well, WellAttention attention, ReportModel m, Words w) {
        String id = well.id();
        h.append("<section class=\"well\" id=\"").append(Html.esc(Html.wellAnchor(id))).append("\" data-well=\"")
                .append(Html.esc(id)).append("\"><h3>").append(Html.esc(id));
        if (well.name() != null && !well.name().equals(id)) {
            h.append(" <small class=\"meta\">").append(Html.esc(well.name())).append("</small>");
        }
        h.append(" <span class=\"badge ").append(StateStyle.css(well.state())).append("\">")
                .append(Html.esc(w.msg.getOr("state." + well.state(), well.state()))).append("</span></h3>");
        h.append("<p class=\"meta\">").append(Html.esc(w.msg.get("well.meta", well.field() == null ? "—" : well.field(),
                w.fmt.time(well.lastReading())))).append("</p>");
        if (attention != null) {
            h.append("<ul class=\"more\">");
            for (Reason r : attention.reasons()) {
                h.append("<li>");
                ExceptionsSection.reason(h, r, w);
                h.append("</li>");
            }
            h.append("</ul>");
        }
        Map<String, Limits> limits = new LinkedHashMap<>();
        m.matrix().getOrDefault(id, List.of()).forEach(c -> limits.put(c.variable(), c.limits()));
        trends(h, m.matrix().getOrDefault(id, List.of()), m.hourly().get(id), m, w);
        daily(h, m.daily().getOrDefault(id, List.of()), m, w);
        alerts(h, id, m, Episodes.of(m.hourly().get(id), limits), w);
        quality(h, m.dqFailures().stream().filter(f -> f.wellId().equals(id)).toList(), w);
        cards(h, m.cards().getOrDefault(id, List.of()), m.diagnoses().getOrDefault(id, List.of()), well, w);
        findings(h, m.consistency().stream().filter(f -> f.wellId().equals(id)).toList(), w);
        h.append("<p class=\"top-link\"><a href=\"#exceptions\">").append(Html.esc(w.msg.get("well.back")))
                .append("</a></p></section>");
    }

    private static void trends(StringBuilder h, List<MatrixCell> cells, HourlySeries series, ReportModel m, Words w) {
        h.append("<h4>").append(Html.esc(w.msg.get("well.trends"))).append("</h4>");
        if (series == null) {
            h.append("<p class=\"note\">").append(Html.esc(w.msg.get("well.nohourly"))).append("</p>");
            return;
        }
        h.append("<div class=\"charts\">");
        for (MatrixCell c : cells) {
            Double[] values = series.values().get(c.variable());
            if (values == null) {
                continue;
            }
            h.append(TrendChart.svg(w.labels.code(c.variable()) + " · " + w.labels.label(c.variable()),
                    w.labels.unit(c.variable()), series.hours(), values, c.limits(), w.labels.depth(c.variable()),
                    m.window(), w.fmt, w.msg.get("chart.nodata")));
        }
        h.append("</div><p class=\"note\">").append(Html.esc(w.msg.get("well.trends.note"))).append("</p>");
    }

    private static void daily(StringBuilder h, List<DailyKpi> days, ReportModel m, Words w) {
        h.append("<h4>").append(Html.esc(w.msg.get("well.daily"))).append("</h4>");
        if (days.isEmpty()) {
            h.append("<p class=\"note\">").append(Html.esc(w.msg.get("well.nodaily"))).append("</p>");
            return;
        }
        h.append("<div class=\"charts wide\">").append(DailyChart.svg(w.labels.label("produccion_petroleo_bbl"),
                "bbl", days, m.window(), w.fmt, w.msg.get("chart.nodata"))).append("</div>");
        String[] columns = {"fecha", "horas_con_datos", "produccion_petroleo_bbl", "produccion_agua_bbl",
                "produccion_gas_mscf", "horas_operacion", "uptime_pct", "pump_efficiency_pct", "kwh_por_bbl"};
        h.append("<div class=\"scroll\"><table class=\"daily\"><thead><tr>");
        for (String c : columns) {
            h.append(c.equals("fecha") ? "<th>" : "<th class=\"num\">").append(Html.esc(header(c, w))).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (DailyKpi d : days) {
            h.append("<tr").append(d.complete() ? "" : " class=\"partial\"").append("><td class=\"nowrap\">")
                    .append(Html.esc(w.fmt.day(d.day()))).append(d.complete() ? ""
                            : " <span class=\"note\">" + Html.esc(w.msg.get("daily.partial")) + "</span>")
                    .append("</td>");
            cell(h, w.fmt.count(d.hoursWithData()) + " / " + w.fmt.count(d.hours()));
            cell(h, w.fmt.num(d.oil()));
            cell(h, w.fmt.num(d.water()));
            cell(h, w.fmt.num(d.gas()));
            cell(h, w.fmt.num(d.runtimeHours()));
            cell(h, w.fmt.pct(d.uptimePct()));
            cell(h, w.fmt.pct(d.pumpEfficiencyPct()));
            cell(h, w.fmt.num(d.kwhPerBbl()));
            h.append("</tr>");
        }
        h.append("</tbody></table></div><p class=\"note\">").append(Html.esc(w.msg.get("daily.note"))).append("</p>");
    }

    private static void alerts(StringBuilder h, String id, ReportModel m, List<Episode> episodes, Words w) {
        h.append("<h4>").append(Html.esc(w.msg.get("well.alerts"))).append("</h4>");
        List<LiveAlert> live = m.alerts().stream().filter(a -> a.wellId().equals(id) && a.semaphore()).toList();
        if (live.isEmpty() && episodes.isEmpty()) {
            h.append("<p class=\"ok\">").append(Html.esc(w.msg.get("well.noalerts"))).append("</p>");
            return;
        }
        h.append("<div class=\"scroll\"><table class=\"alerts\"><thead><tr><th></th><th>")
                .append(Html.esc(w.msg.get("col.variable"))).append("</th><th>").append(Html.esc(w.msg.get("col.state")))
                .append("</th><th class=\"num\">").append(Html.esc(w.msg.get("col.value"))).append("</th><th>")
                .append(Html.esc(w.msg.get("col.limit"))).append("</th><th>").append(Html.esc(w.msg.get("col.start")))
                .append("</th><th>").append(Html.esc(w.msg.get("col.end"))).append("</th><th class=\"num\">")
                .append(Html.esc(w.msg.get("col.duration"))).append("</th></tr></thead><tbody>");
        for (LiveAlert a : live) {
            Tone t = Tone.of(a.code(), w.labels.depth(a.reference()));
            String unit = w.labels.unit(a.reference());
            row(h, t, w.labels.label(a.reference()), w.state(a.code(), a.reference()), w.fmt.num(a.value(), unit),
                    a.limit() == null ? "—" : Words.comparison(a.limitName()) + " " + w.limitName(a.limitName()) + " "
                            + w.fmt.num(a.limit(), a.code() != null && a.code() == 9 ? "min" : unit),
                    w.fmt.time(a.since()), w.msg.get("alerts.ongoing"),
                    a.since() == null || a.evaluatedAt() == null ? "—"
                            : w.fmt.duration(Duration.between(a.since(), a.evaluatedAt())));
        }
        for (int i = episodes.size() - 1; i >= 0; i--) {
            Episode e = episodes.get(i);
            boolean depth = w.labels.depth(e.variable());
            Tone t = e.high() != depth ? (e.critical() ? Tone.CRITICAL_HIGH : Tone.WARNING_HIGH)
                    : (e.critical() ? Tone.CRITICAL_LOW : Tone.WARNING_LOW);
            int code = e.high() ? (e.critical() ? 7 : 6) : (e.critical() ? 1 : 2);
            String unit = w.labels.unit(e.variable());
            row(h, t, w.labels.label(e.variable()), w.state(code, e.variable()) + " · " + w.msg.get("alerts.hourly"),
                    w.fmt.num(e.worst(), unit), Words.comparison(e.limitName()) + " " + w.limitName(e.limitName()) + " "
                            + w.fmt.num(e.limit(), unit), w.fmt.time(e.start()),
                    e.lastHour() ? w.msg.get("alerts.toend", w.fmt.time(e.end())) : w.fmt.time(e.end()),
                    w.fmt.duration(e.length()));
        }
        h.append("</tbody></table></div><p class=\"note\">").append(Html.esc(w.msg.get("alerts.note"))).append("</p>");
    }

    private static void row(StringBuilder h, Tone t, String variable, String state, String value, String limit,
                            String start, String end, String duration) {
        h.append("<tr><td><span class=\"sym ").append(t.css()).append("\">").append(t.symbol()).append("</span></td><td>")
                .append(Html.esc(variable)).append("</td><td>").append(Html.esc(state)).append("</td><td class=\"num\">")
                .append(Html.esc(value)).append("</td><td class=\"nowrap\">").append(Html.esc(limit))
                .append("</td><td class=\"nowrap\">").append(Html.esc(start)).append("</td><td class=\"nowrap\">")
                .append(Html.esc(end)).append("</td><td class=\"num\">").append(Html.esc(duration)).append("</td></tr>");
    }

    private static void quality(StringBuilder h, List<DqFailure> failures, Words w) {
        h.append("<h4>").append(Html.esc(w.msg.get("well.dq"))).append("</h4>");
        if (failures.isEmpty()) {
            h.append("<p class=\"ok\">").append(Html.esc(w.msg.get("well.nodq"))).append("</p>");
            return;
        }
        QualitySection.failureTable(h, failures, w, false);
    }

    private static void cards(StringBuilder h, List<SurfaceCard> cards, List<ReportModel.CardDiagnosis> diagnoses,
                              Well well, Words w) {
        h.append("<h4>").append(Html.esc(w.msg.get("well.cards"))).append("</h4>");
        CardPanel.render(h, cards, diagnoses, well, w);
    }

    private static void findings(StringBuilder h, List<Finding> findings, Words w) {
        if (findings.isEmpty()) {
            return;
        }
        h.append("<h4>").append(Html.esc(w.msg.get("well.consistency"))).append("</h4><ul class=\"more\">");
        for (Finding f : findings) {
            h.append("<li>").append(Html.esc(w.finding(f))).append("</li>");
        }
        h.append("</ul>");
    }

    private static void cell(StringBuilder h, String text) {
        h.append("<td class=\"num\">").append(Html.esc(text)).append("</td>");
    }

    static String header(String column, Words w) {
        return switch (column) {
            case "fecha" -> w.msg.get("col.day");
            case "horas_con_datos" -> w.msg.get("col.hours");
            default -> {
                String unit = w.labels.unit(column);
                yield w.labels.label(column) + (unit.isEmpty() ? "" : " (" + unit + ")");
            }
        };
    }
}
