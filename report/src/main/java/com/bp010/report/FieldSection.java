package com.bp010.report;

import com.bp010.report.ReportModel.FieldDay;
import com.bp010.report.ReportModel.Finding;
import com.bp010.report.ReportModel.Well;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The field as a whole: wells by state, daily production and energy over the window, live consistency findings. */
final class FieldSection {
    private static final List<String> STATES = List.of("CRITICAL", "OFFLINE", "WARNING", "NORMAL", "UNKNOWN");

    private FieldSection() {
    }

    static void states(StringBuilder h, List<Well> wells, Words w) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        STATES.forEach(s -> counts.put(s, 0));
        wells.forEach(x -> counts.merge(x.state() == null ? "UNKNOWN" : x.state(), 1, Integer::sum));
        h.append("<div class=\"tiles\" id=\"states\">");
        counts.forEach((state, n) -> {
            if (n > 0 || !state.equals("UNKNOWN")) {
                h.append("<div class=\"tile ").append(StateStyle.css(state)).append(n == 0 ? " zero" : "").append("\"><b>").append(n).append("</b>")
                        .append(Html.esc(w.msg.getOr("state." + state, state))).append("</div>");
            }
        });
        h.append("</div>");
    }

    static void render(StringBuilder h, List<FieldDay> days, List<Finding> findings, Words w) {
        h.append("<section id=\"field\"><h2>").append(Html.esc(w.msg.get("field.title"))).append("</h2>");
        if (days.isEmpty()) {
            h.append("<p class=\"note\">").append(Html.esc(w.msg.get("well.nodaily"))).append("</p>");
        } else {
            List<java.time.LocalDate> labels = days.stream().map(FieldDay::day).toList();
            List<Boolean> partial = days.stream().map(d -> d.completeWells() < d.wells()).toList();
            h.append("<div class=\"charts wide\">");
            h.append(FieldChart.svg(w.msg.get("field.production"), "bbl, Mscf", labels, partial, List.of(
                    new FieldChart.Series(w.labels.label("produccion_petroleo_bbl"), "#009E73",
                            days.stream().map(FieldDay::oil).toList()),
                    new FieldChart.Series(w.labels.label("produccion_agua_bbl"), "#0072B2",
                            days.stream().map(FieldDay::water).toList()),
                    new FieldChart.Series(w.labels.label("produccion_gas_mscf"), "#E69F00",
                            days.stream().map(FieldDay::gas).toList())), w.fmt));
            h.append(FieldChart.svg(w.labels.label("energia_kwh"), "kWh", labels, partial, List.of(
                    new FieldChart.Series(w.labels.label("energia_kwh"), "#CC79A7",
                            days.stream().map(FieldDay::energy).toList())), w.fmt));
            h.append(FieldChart.svg(w.labels.label("kwh_por_bbl"), "kWh/bbl", labels, partial, List.of(
                    new FieldChart.Series(w.labels.label("kwh_por_bbl"), "#D55E00",
                            days.stream().map(FieldDay::kwhPerBbl).toList())), w.fmt));
            h.append("</div><p class=\"note\">").append(Html.esc(w.msg.get("field.note"))).append("</p>");
        }
        h.append("<h4>").append(Html.esc(w.msg.get("field.consistency"))).append("</h4>");
        if (findings.isEmpty()) {
            h.append("<p class=\"ok\" id=\"violations\">").append(Html.esc(w.msg.get("field.noconsistency")))
                    .append("</p>");
        } else {
            h.append("<ul class=\"more\" id=\"violations\">");
            for (Finding f : findings) {
                h.append("<li><a href=\"#").append(Html.esc(Html.wellAnchor(f.wellId()))).append("\">")
                        .append(Html.esc(f.wellId())).append("</a> ").append(Html.esc(w.finding(f))).append("</li>");
            }
            h.append("</ul>");
        }
        h.append("</section>");
    }
}
