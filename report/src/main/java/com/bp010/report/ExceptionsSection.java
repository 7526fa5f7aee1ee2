package com.bp010.report;

import com.bp010.report.Attention.Reason;
import com.bp010.report.Attention.WellAttention;

import java.util.List;
import java.util.Locale;

/** The top of the report: the wells that need attention today, ranked, each with why in one line. */
final class ExceptionsSection {
    private ExceptionsSection() {
    }

    static void render(StringBuilder h, List<WellAttention> ranked, int wells, Words w) {
        h.append("<section id=\"exceptions\"><h2>").append(Html.esc(w.msg.get("exceptions.title")))
                .append(" <span class=\"meta\">").append(Html.esc(w.msg.get("exceptions.count",
                        w.fmt.count(ranked.size()), w.fmt.count(wells)))).append("</span></h2>");
        if (ranked.isEmpty()) {
            h.append("<p class=\"ok\">").append(Html.esc(w.msg.get("exceptions.none"))).append("</p></section>");
            return;
        }
        h.append("<p class=\"meta\">").append(Html.esc(w.msg.get("exceptions.order"))).append("</p>");
        h.append("<ol class=\"exceptions\">");
        for (WellAttention a : ranked) {
            String kind = a.top().name().toLowerCase(Locale.ROOT);
            h.append("<li class=\"k-").append(kind).append("\" data-well=\"").append(Html.esc(a.well().id()))
                    .append("\"><div class=\"exc-head\"><a class=\"well\" href=\"#")
                    .append(Html.esc(Html.wellAnchor(a.well().id()))).append("\">").append(Html.esc(a.well().id()))
                    .append("</a>");
            if (a.well().name() != null && !a.well().name().equals(a.well().id())) {
                h.append("<span class=\"meta\">").append(Html.esc(a.well().name())).append("</span>");
            }
            h.append("<span class=\"badge ").append(StateStyle.css(a.well().state())).append("\">")
                    .append(Html.esc(w.msg.getOr("state." + a.well().state(), a.well().state()))).append("</span>")
                    .append("<span class=\"kind\">").append(Html.esc(w.msg.get("kind." + kind))).append("</span></div>");
            h.append("<p class=\"why\">");
            reason(h, a.reasons().get(0), w);
            h.append("</p>");
            if (a.reasons().size() > 1) {
                h.append("<ul class=\"more\">");
                for (Reason r : a.reasons().subList(1, a.reasons().size())) {
                    h.append("<li>");
                    reason(h, r, w);
                    h.append("</li>");
                }
                h.append("</ul>");
            }
            h.append("</li>");
        }
        h.append("</ol></section>");
    }

    /** A reason's line, with the variable's state symbol in front when it is about a variable. */
    static void reason(StringBuilder h, Reason r, Words w) {
        if (r.alert() != null && r.alert().semaphore()) {
            Tone t = Tone.of(r.alert().code(), w.labels.depth(r.alert().reference()));
            h.append("<span class=\"sym ").append(t.css()).append("\" aria-hidden=\"true\">").append(t.symbol())
                    .append("</span> ");
        }
        h.append(Html.esc(w.why(r)));
    }
}
