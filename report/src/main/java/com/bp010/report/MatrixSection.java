package com.bp010.report;

import com.bp010.report.ReportModel.MatrixCell;
import com.bp010.report.ReportModel.Well;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The semaphore matrix, well by variable: each cell shows the latest value with its state's symbol and colour (no
 * hovering needed), the headers the catalogue's short codes and units, a legend and the codes' names beneath.
 */
final class MatrixSection {
    private MatrixSection() {
    }

    static void render(StringBuilder h, List<Well> wells, Map<String, List<MatrixCell>> matrix, Words w,
                       java.time.Instant stateAsOf) {
        h.append("<section id=\"matrix\"><h2>").append(Html.esc(w.msg.get("matrix.title"))).append("</h2>")
                .append("<p class=\"meta\">").append(Html.esc(w.msg.get("matrix.asof", w.fmt.time(stateAsOf))))
                .append("</p>");
        List<String> variables = new ArrayList<>();
        matrix.values().stream().flatMap(List::stream).sorted(java.util.Comparator.comparingInt(MatrixCell::order))
                .map(MatrixCell::variable).distinct().forEach(variables::add);
        legend(h, w);
        h.append("<div class=\"scroll\"><table class=\"matrix\" id=\"matrix-table\"><thead><tr><th>")
                .append(Html.esc(w.msg.get("col.well"))).append("</th>");
        for (String v : variables) {
            h.append("<th scope=\"col\" title=\"").append(Html.esc(w.labels.fullName(v))).append("\">")
                    .append(Html.esc(w.labels.code(v))).append("<br><small>").append(Html.esc(w.labels.unit(v)))
                    .append("</small></th>");
        }
        h.append("</tr></thead><tbody>");
        for (Well well : wells) {
            Map<String, MatrixCell> cells = new java.util.HashMap<>();
            matrix.getOrDefault(well.id(), List.of()).forEach(c -> cells.put(c.variable(), c));
            h.append("<tr><th class=\"well\" scope=\"row\"><a href=\"#").append(Html.esc(Html.wellAnchor(well.id())))
                    .append("\">").append(Html.esc(well.id())).append("</a></th>");
            for (String v : variables) {
                MatrixCell c = cells.get(v);
                Integer code = c == null ? null : c.code();
                Tone t = Tone.of(code, w.labels.depth(v));
                h.append("<td class=\"cell ").append(t.css()).append("\" data-code=\"").append(code == null ? "" : code)
                        .append("\" title=\"").append(Html.esc(w.labels.label(v) + ": " + w.state(code, v)))
                        .append("\">");
                if (!t.symbol().isEmpty()) {
                    h.append("<span class=\"sym\">").append(t.symbol()).append("</span>");
                }
                h.append(Html.esc(c == null || c.value() == null ? "" : w.fmt.num(c.value()))).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table></div><p class=\"keys\">");
        for (int i = 0; i < variables.size(); i++) {
            String v = variables.get(i);
            h.append(i == 0 ? "" : " · ").append("<b>").append(Html.esc(w.labels.code(v))).append("</b> ")
                    .append(Html.esc(w.labels.fullName(v)));
            String unit = w.labels.unit(v);
            if (!unit.isEmpty()) {
                h.append(" (").append(Html.esc(unit)).append(")");
            }
            if (w.labels.depth(v)) {
                h.append(" — ").append(Html.esc(w.msg.get("matrix.depthnote")));
            }
        }
        h.append("</p></section>");
    }

    static void legend(StringBuilder h, Words w) {
        h.append("<div class=\"legend\">");
        for (Tone t : Tone.values()) {
            h.append("<span><span class=\"sym ").append(t.css()).append("\">").append(t.symbol().isEmpty() ? "&nbsp;"
                    : t.symbol()).append("</span>").append(Html.esc(w.msg.get("tone." + t.name()))).append("</span>");
        }
        h.append("</div>");
    }
}
