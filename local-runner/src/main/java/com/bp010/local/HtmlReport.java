package com.bp010.local;

import org.apache.commons.text.StringEscapeUtils;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's self-contained HTML report (no scripts, no network): wells by state, the semaphore matrix, alerts, DQ by
 * rule, daily production and energy charts, consistency violations, latest KPIs per well.
 */
final class HtmlReport {
    private static final String STYLE = """
            body{font:14px/1.4 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px;color:#212121;background:#fafafa}
            h1{margin:0 0 4px}h2{margin:28px 0 8px;border-bottom:2px solid #e0e0e0;padding-bottom:4px}
            .meta{color:#616161}.cards{display:flex;gap:12px;flex-wrap:wrap}
            .card{background:#fff;border-radius:8px;padding:12px 16px;box-shadow:0 1px 3px #0002;min-width:120px}
            .card b{display:block;font-size:24px}.state{color:#fff}
            table{border-collapse:collapse;background:#fff;box-shadow:0 1px 3px #0002}
            th,td{padding:4px 8px;border-bottom:1px solid #eee;text-align:left;white-space:nowrap}
            th{background:#f5f5f5;position:sticky;top:0}td.num{text-align:right;font-variant-numeric:tabular-nums}
            table.matrix td.cell{width:22px;height:22px;padding:0;border:1px solid #fff}
            table.matrix th.v{writing-mode:vertical-rl;transform:rotate(180deg);font-weight:normal;font-size:12px}
            .chart{background:#fff;box-shadow:0 1px 3px #0002;margin:8px 0}.ct{font-weight:bold;font-size:13px}
            .ax{font-size:11px;fill:#616161}.grid{stroke:#eee}.bar{display:inline-block;height:10px;background:#2e7d32}
            .legend span{display:inline-block;margin-right:12px}.sw{display:inline-block;width:12px;height:12px;vertical-align:middle;margin-right:4px}
            """;

    private HtmlReport() {
    }

    static String render(ReportData d, String title, Instant generatedAt) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title><style>").append(STYLE).append("</style></head><body>");
        h.append("<h1>").append(esc(title)).append("</h1><p class=\"meta\">Generated ").append(generatedAt)
                .append(" &middot; days ").append(esc(d.totals().get("first_day"))).append(" to ")
                .append(esc(d.totals().get("last_day"))).append("</p>");
        totals(h, d);
        matrix(h, d);
        alerts(h, d);
        charts(h, d);
        dq(h, d);
        table(h, "Physical consistency violations (live)", "violations", d.violations(),
                List.of("codigo", "well_id", "variable_medida", "valor_medido", "operador", "variable_referencia",
                        "valor_referencia", "severidad", "detectado_en"));
        table(h, "Latest complete day per well", "kpis", d.latestKpis(),
                List.of("well_id", "fecha", "produccion_petroleo_bbl", "produccion_agua_bbl", "produccion_gas_mscf",
                        "kwh_por_bbl", "uptime_pct", "pump_efficiency_pct", "system_efficiency_pct", "pwf"));
        return h.append("</body></html>").toString();
    }

    private static void totals(StringBuilder h, ReportData d) {
        Map<String, Object> t = d.totals();
        h.append("<div class=\"cards\">");
        card(h, "Wells", t.get("wells"));
        card(h, "Readings landed", t.get("readings"));
        card(h, "DQ score", t.get("dq_score") == null ? "n/a" : pct(((Number) t.get("dq_score")).doubleValue()));
        card(h, "Alerts", t.get("alerts"));
        card(h, "Consistency violations", t.get("violations"));
        h.append("</div><h2>Wells by operational state</h2><div class=\"cards\" id=\"states\">");
        for (Map<String, Object> s : d.states()) {
            h.append("<div class=\"card state\" style=\"background:").append(esc(s.get("color"))).append("\"><b>")
                    .append(esc(s.get("wells"))).append("</b>").append(esc(s.get("estado_operativo"))).append("</div>");
        }
        h.append("</div>");
    }

    private static void card(StringBuilder h, String label, Object value) {
        h.append("<div class=\"card\"><b>").append(esc(value)).append("</b>").append(esc(label)).append("</div>");
    }

    private static void matrix(StringBuilder h, ReportData d) {
        Map<String, Map<String, Map<String, Object>>> byWell = new LinkedHashMap<>();
        List<String> variables = new ArrayList<>();
        for (Map<String, Object> r : d.matrix()) {
            String variable = (String) r.get("variable");
            if (!variables.contains(variable)) {
                variables.add(variable);
            }
            byWell.computeIfAbsent((String) r.get("well_id"), k -> new LinkedHashMap<>()).put(variable, r);
        }
        h.append("<h2>Semaphore matrix</h2><table class=\"matrix\" id=\"matrix\"><thead><tr><th>Well</th>");
        variables.forEach(v -> h.append("<th class=\"v\">").append(esc(v)).append("</th>"));
        h.append("</tr></thead><tbody>");
        byWell.forEach((well, cells) -> {
            h.append("<tr><th>").append(esc(well)).append("</th>");
            for (String v : variables) {
                Map<String, Object> c = cells.get(v);
                String color = c == null || c.get("color") == null ? "#eeeeee" : c.get("color").toString();
                String tip = c == null ? "" : v + " = " + fmt(c.get("valor")) + " " + (c.get("unidad") == null ? ""
                        : c.get("unidad")) + " : " + c.get("status_nombre");
                h.append("<td class=\"cell\" data-code=\"").append(esc(c == null ? "" : c.get("codigo")))
                        .append("\" style=\"background:").append(esc(color)).append("\" title=\"").append(esc(tip))
                        .append("\"></td>");
            }
            h.append("</tr>");
        });
        h.append("</tbody></table><p class=\"legend\">");
        d.matrix().stream().filter(r -> r.get("status_nombre") != null)
                .map(r -> r.get("codigo") + "|" + r.get("status_nombre") + "|" + r.get("color")).distinct().sorted()
                .forEach(s -> {
                    String[] p = s.split("\\|");
                    h.append("<span><i class=\"sw\" style=\"background:").append(esc(p[2])).append("\"></i>")
                            .append(esc(p[0])).append(" ").append(esc(p[1])).append("</span>");
                });
        h.append("</p>");
    }

    private static void alerts(StringBuilder h, ReportData d) {
        h.append("<h2>Top alerts</h2><table id=\"alerts\"><thead><tr><th></th><th>Well</th><th>Type</th><th>What</th>"
                + "<th>State</th><th>Since</th><th>Message</th></tr></thead><tbody>");
        for (Map<String, Object> a : d.alerts()) {
            h.append("<tr><td><i class=\"sw\" style=\"background:").append(esc(a.get("color"))).append("\"></i></td><td>")
                    .append(esc(a.get("well_id"))).append("</td><td>").append(esc(a.get("tipo"))).append("</td><td>")
                    .append(esc(a.get("referencia"))).append("</td><td>").append(esc(a.get("estado")))
                    .append("</td><td>").append(esc(a.get("desde"))).append("</td><td>").append(esc(a.get("mensaje")))
                    .append("</td></tr>");
        }
        h.append("</tbody></table>");
    }

    private static void charts(StringBuilder h, ReportData d) {
        List<String> days = d.dailyField().stream().map(r -> String.valueOf(r.get("fecha"))).toList();
        h.append("<h2>Daily production and energy (all wells)</h2><div id=\"charts\">");
        h.append(SvgChart.lines("Production", "bbl/d and Mscf/d", days, List.of(
                new SvgChart.Series("oil bbl", "#2e7d32", column(d.dailyField(), "petroleo")),
                new SvgChart.Series("water bbl", "#1565c0", column(d.dailyField(), "agua")),
                new SvgChart.Series("gas Mscf", "#ef6c00", column(d.dailyField(), "gas")))));
        h.append(SvgChart.lines("Energy", "kWh/d", days, List.of(
                new SvgChart.Series("energy kWh", "#6a1b9a", column(d.dailyField(), "energia")))));
        h.append(SvgChart.lines("Energy intensity", "kWh per bbl of liquid", days, List.of(
                new SvgChart.Series("kWh/bbl", "#c62828", column(d.dailyField(), "kwh_por_bbl")))));
        h.append("<p class=\"meta\">A day with fewer than 24 hours of readings (the partial first and last day, an"
                + " outage) adds only the hours it has, so it reads low: the outage shows instead of being averaged"
                + " away.</p></div>");
    }

    private static void dq(StringBuilder h, ReportData d) {
        h.append("<h2>Data quality by rule</h2><table id=\"dq\"><thead><tr><th>Rule</th><th>Variable</th><th>Type</th>"
                + "<th>Evaluated</th><th>Failed</th><th>Not evaluated</th><th>Score</th><th></th></tr></thead><tbody>");
        for (Map<String, Object> r : d.dqRules()) {
            Object score = r.get("score");
            double s = score == null ? 0 : ((Number) score).doubleValue();
            h.append("<tr><td>").append(esc(r.get("rule_id"))).append("</td><td>").append(esc(r.get("nombre_tecnico")))
                    .append("</td><td>").append(esc(r.get("tipo"))).append("</td><td class=\"num\">")
                    .append(esc(r.get("evaluated"))).append("</td><td class=\"num\">").append(esc(r.get("failed")))
                    .append("</td><td class=\"num\">").append(esc(r.get("not_evaluated")))
                    .append("</td><td class=\"num\">").append(score == null ? "n/a" : pct(s))
                    .append("</td><td><span class=\"bar\" style=\"width:").append(Math.round(s * 120))
                    .append("px\"></span></td></tr>");
        }
        h.append("</tbody></table>");
    }

    private static void table(StringBuilder h, String title, String id, List<Map<String, Object>> rows,
                              List<String> columns) {
        h.append("<h2>").append(esc(title)).append("</h2>");
        if (rows.isEmpty()) {
            h.append("<p id=\"").append(id).append("\">None.</p>");
            return;
        }
        h.append("<table id=\"").append(id).append("\"><thead><tr>");
        columns.forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
        h.append("</tr></thead><tbody>");
        for (Map<String, Object> r : rows) {
            h.append("<tr>");
            for (String c : columns) {
                Object v = r.get(c);
                h.append(v instanceof Number ? "<td class=\"num\">" : "<td>").append(esc(fmt(v))).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table>");
    }

    private static List<Double> column(List<Map<String, Object>> rows, String name) {
        return rows.stream().map(r -> r.get(name) instanceof Number n ? n.doubleValue() : null).toList();
    }

    static String fmt(Object v) {
        if (v instanceof Double || v instanceof Float || v instanceof java.math.BigDecimal) {
            double d = ((Number) v).doubleValue();
            return Math.abs(d) >= 1000 ? String.format(Locale.ROOT, "%,.0f", d) : String.format(Locale.ROOT, "%.2f", d);
        }
        return v == null ? "" : v.toString();
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f %%", v * 100);
    }

    static String esc(Object value) {
        return value == null ? "" : StringEscapeUtils.escapeHtml4(value.toString());
    }
}
