package com.bp010.report;

import com.bp010.report.ReportModel.DqFailure;
import com.bp010.report.ReportModel.DqRule;
import com.bp010.report.ReportModel.DqScore;

import java.util.List;

/**
 * Data quality over the window: the score (passed / evaluated, with the failed count beside it, never rounded up to
 * 100 %), every failed check with its value, limit and reason, and each rule's counts and score over the same days.
 */
final class QualitySection {
    private QualitySection() {
    }

    static void render(StringBuilder h, ReportWindow window, DqScore score, List<DqFailure> failures,
                       List<DqRule> rules, Words w) {
        // the score is the report's days' (reporting.fnc_dq_score over the window), not the last pipeline run's
        h.append("<section id=\"dq\"><h2>").append(Html.esc(w.msg.get("dq.title", w.fmt.day(window.from()),
                w.fmt.day(window.to())))).append("</h2>");
        h.append("<div class=\"tiles\"><div class=\"tile\"><b>").append(Html.esc(w.fmt.score(score.score())))
                .append("</b>").append(Html.esc(w.msg.get("dq.score"))).append("</div><div class=\"tile\"><b>")
                .append(Html.esc(w.fmt.count(score.failed()))).append("</b>").append(Html.esc(w.msg.get("dq.failed")))
                .append("</div><div class=\"tile\"><b>").append(Html.esc(w.fmt.count(score.evaluated())))
                .append("</b>").append(Html.esc(w.msg.get("dq.evaluated"))).append("</div><div class=\"tile\"><b>")
                .append(Html.esc(w.fmt.count(score.notEvaluated()))).append("</b>")
                .append(Html.esc(w.msg.get("dq.notevaluated"))).append("</div></div>");
        h.append("<p class=\"note\">").append(Html.esc(w.msg.get("dq.note"))).append("</p>");
        h.append("<h4>").append(Html.esc(w.msg.get("dq.failures"))).append("</h4>");
        if (failures.isEmpty()) {
            h.append("<p class=\"ok\" id=\"dq-failures\">").append(Html.esc(w.msg.get("dq.nofailures"))).append("</p>");
        } else {
            failureTable(h, failures, w, true);
            // the project's own counter checks are listed beside the rules' but are none of the score's checks
            long project = failures.stream().filter(f -> f.ruleId() != null && f.ruleId().startsWith("DQP-")).count();
            if (project > 0) {
                h.append("<p class=\"note\" id=\"dq-project\">").append(Html.esc(w.msg.get("dq.project",
                        w.fmt.count(project), w.fmt.count(failures.size())))).append("</p>");
            }
        }
        h.append("<h4>").append(Html.esc(w.msg.get("dq.rules"))).append("</h4><div class=\"scroll\"><table id=\"dq-rules\">")
                .append("<thead><tr><th>").append(Html.esc(w.msg.get("col.rule"))).append("</th><th>")
                .append(Html.esc(w.msg.get("col.variable"))).append("</th><th>").append(Html.esc(w.msg.get("col.type")))
                .append("</th><th class=\"num\">").append(Html.esc(w.msg.get("dq.evaluated")))
                .append("</th><th class=\"num\">").append(Html.esc(w.msg.get("dq.failed")))
                .append("</th><th class=\"num\">").append(Html.esc(w.msg.get("dq.notevaluated")))
                .append("</th><th class=\"num\">").append(Html.esc(w.msg.get("dq.score")))
                .append("</th></tr></thead><tbody>");
        for (DqRule r : rules) {
            h.append("<tr").append(r.failed() > 0 ? " class=\"failed\"" : "").append("><td>").append(Html.esc(r.ruleId()))
                    .append("</td><td>").append(Html.esc(w.labels.label(r.variable()))).append("</td><td>")
                    .append(Html.esc(w.msg.getOr("ruletype." + r.type(), r.type()))).append("</td><td class=\"num\">")
                    .append(Html.esc(w.fmt.count(r.evaluated()))).append("</td><td class=\"num\">")
                    .append(r.failed() > 0 ? "<b>" + Html.esc(w.fmt.count(r.failed())) + "</b>" : "0")
                    .append("</td><td class=\"num\">").append(Html.esc(w.fmt.count(r.notEvaluated())))
                    .append("</td><td class=\"num\">").append(Html.esc(w.fmt.score(r.score()))).append("</td></tr>");
        }
        h.append("</tbody></table></div></section>");
    }

    /** Failed checks: when, (well), variable, value, limit, rule, severity, reason. */
    static void failureTable(StringBuilder h, List<DqFailure> failures, Words w, boolean withWell) {
        h.append("<div class=\"scroll\"><table class=\"dq-failures\"").append(withWell ? " id=\"dq-failures\"" : "")
                .append("><thead><tr><th>").append(Html.esc(w.msg.get("col.time"))).append("</th>");
        if (withWell) {
            h.append("<th>").append(Html.esc(w.msg.get("col.well"))).append("</th>");
        }
        h.append("<th>").append(Html.esc(w.msg.get("col.check"))).append("</th><th>")
                .append(Html.esc(w.msg.get("col.severity"))).append("</th></tr></thead><tbody>");
        for (DqFailure f : failures) {
            h.append("<tr><td class=\"nowrap\">").append(Html.esc(f.readAt() == null ? w.msg.get("dq.master")
                    : w.fmt.time(f.readAt()))).append("</td>");
            if (withWell) {
                h.append("<td class=\"nowrap\"><a href=\"#").append(Html.esc(Html.wellAnchor(f.wellId()))).append("\">")
                        .append(Html.esc(f.wellId())).append("</a></td>");
            }
            String line = w.dqFailure(f);
            int cut = line.lastIndexOf(" · ");
            h.append("<td>").append(Html.esc(cut > 0 ? line.substring(0, cut) : line)).append("</td><td>")
                    .append(Html.esc(f.severity())).append("</td></tr>");
        }
        h.append("</tbody></table></div>");
    }
}
