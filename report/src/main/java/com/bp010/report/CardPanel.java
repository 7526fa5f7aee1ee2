package com.bp010.report;

import com.bp010.report.ReportModel.SurfaceCard;
import com.bp010.report.ReportModel.Well;

import java.util.List;

/**
 * A well's cards: the surface card of the window's latest reading drawn with the ones before it faintly, the cards
 * that could not be drawn or failed their DQ check listed with why, and the pump card with the diagnosis beside it.
 * Until pump cards are computed, that place says so (and shows the diagnosis the dashboard holds, if any).
 */
final class CardPanel {
    private CardPanel() {
    }

    static void render(StringBuilder h, List<SurfaceCard> cards, Well well, Words w) {
        if (cards.isEmpty()) {
            h.append("<p class=\"note\">").append(Html.esc(w.msg.get("cards.none"))).append("</p>");
            return;
        }
        List<SurfaceCard> drawn = cards.stream().filter(c -> c.drawable() && c.validDq()).toList();
        h.append("<div class=\"charts wide\">");
        if (!drawn.isEmpty()) {
            SurfaceCard latest = drawn.get(0);
            h.append("<figure class=\"cardfig\">").append(CardChart.svg(w.msg.get("cards.surface.title"), drawn, w.fmt,
                    w.msg.get("cards.position"), w.msg.get("cards.load"))).append("<figcaption class=\"note\">")
                    .append(Html.esc(w.msg.get("cards.surface", w.fmt.time(latest.readAt()), drawn.size() - 1)))
                    .append("</figcaption></figure>");
        }
        h.append("<div class=\"pump\" data-pump-card=\"").append(well.diagnosis() == null ? "none" : "diagnosis")
                .append("\"><b>").append(Html.esc(w.msg.get("cards.pump"))).append("</b><br>");
        if (well.diagnosis() != null) {
            h.append(Html.esc(w.msg.get("why.diagnosis", w.diagnosis(well.diagnosis()),
                    well.diagnosisProbability() == null ? "—"
                            : w.fmt.decimals(well.diagnosisProbability() * 100, 0) + " %")));
        } else {
            h.append(Html.esc(w.msg.get("cards.pump.none")));
        }
        h.append("</div></div>");
        List<SurfaceCard> rejected = cards.stream().filter(c -> !c.drawable() || !c.validDq()).toList();
        if (!rejected.isEmpty()) {
            h.append("<ul class=\"more\">");
            for (SurfaceCard c : rejected) {
                String why = !c.validDq() ? w.msg.get("cards.dqfailed", c.dqRule(), c.dqReason() == null ? "" : c.dqReason())
                        : w.msg.get("cards.unreadable", c.problem());
                h.append("<li>").append(Html.esc(w.fmt.time(c.readAt()) + ": " + why)).append("</li>");
            }
            h.append("</ul>");
        }
    }
}
