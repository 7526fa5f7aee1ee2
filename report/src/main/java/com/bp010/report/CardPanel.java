package com.bp010.report;

import com.bp010.report.CardChart.Loop;
import com.bp010.report.ReportModel.CardDiagnosis;
import com.bp010.report.ReportModel.SurfaceCard;
import com.bp010.report.ReportModel.Well;

import java.util.List;

/**
 * A well's cards: the surface card of the window's latest reading drawn with the ones before it faintly; the pump card
 * under it (docs/CARDS.md) likewise, with the diagnosis, its reasons in words and what the cards before it were
 * diagnosed as, so a change of shape shows; the cards that could not be drawn or failed their DQ check listed with
 * why. Without a card diagnosis, that place says so (and shows the diagnosis the dashboard holds, if any).
 */
final class CardPanel {
    private CardPanel() {
    }

    static void render(StringBuilder h, List<SurfaceCard> cards, List<CardDiagnosis> diagnoses, Well well, Words w) {
        if (cards.isEmpty() && diagnoses.isEmpty()) {
            h.append("<p class=\"note\">").append(Html.esc(w.msg.get("cards.none"))).append("</p>");
            return;
        }
        List<SurfaceCard> drawn = cards.stream().filter(c -> c.drawable() && c.validDq()).toList();
        h.append("<div class=\"charts wide\">");
        if (!drawn.isEmpty()) {
            SurfaceCard latest = drawn.get(0);
            h.append("<figure class=\"cardfig\">").append(CardChart.svg(w.msg.get("cards.surface.title"), "surface",
                    drawn.stream().map(c -> new Loop(c.readAt(), c.position(), c.load())).toList(), w.fmt,
                    w.msg.get("cards.position"), w.msg.get("cards.load"))).append("<figcaption class=\"note\">")
                    .append(Html.esc(w.msg.get("cards.surface", w.fmt.time(latest.readAt()), drawn.size() - 1)))
                    .append("</figcaption></figure>");
        }
        List<CardDiagnosis> pumpCards = diagnoses.stream().filter(CardDiagnosis::drawable).toList();
        if (!pumpCards.isEmpty()) {
            h.append("<figure class=\"cardfig\">").append(CardChart.svg(w.msg.get("cards.pump.title"), "pump",
                    pumpCards.stream().map(d -> new Loop(d.readAt(), d.pumpPosition(), d.pumpLoad())).toList(), w.fmt,
                    w.msg.get("cards.pump.position"), w.msg.get("cards.pump.load"))).append("<figcaption class=\"note\">")
                    .append(Html.esc(w.msg.get("cards.pump.caption", w.fmt.time(pumpCards.get(0).readAt()),
                            pumpCards.size() - 1))).append("</figcaption></figure>");
        }
        if (diagnoses.isEmpty()) {
            h.append("<div class=\"pump\" data-pump-card=\"").append(well.diagnosis() == null ? "none" : "diagnosis")
                    .append("\"><b>").append(Html.esc(w.msg.get("cards.pump"))).append("</b><br>");
            h.append(Html.esc(well.diagnosis() != null ? w.msg.get("why.diagnosis", w.diagnosis(well.diagnosis()),
                    w.confidence(well.diagnosisProbability())) : w.msg.get("cards.pump.none")));
            h.append("</div>");
        } else {
            diagnosis(h, diagnoses, w);
        }
        h.append("</div>");
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

    /**
     * The diagnosis' severity, confidence, basis, source and card time; a diagnosis without a severity (a full pump's
     * NONE) says nothing of severity rather than "severity: no severity".
     */
    static String verdict(CardDiagnosis d, Words w) {
        String basis = w.msg.getOr("cards.basis." + d.basis(), String.valueOf(d.basis()));
        String source = w.msg.getOr("cards.source." + d.source(), String.valueOf(d.source()));
        if (d.severity() == null || "NONE".equals(d.severity())) {
            return w.msg.get("cards.verdict.nosev", w.confidence(d.confidence()), basis, source, w.fmt.time(d.readAt()));
        }
        return w.msg.get("cards.verdict", w.severity(d.severity()), w.confidence(d.confidence()), basis, source,
                w.fmt.time(d.readAt()));
    }

    /** The latest diagnosis: pattern, severity, confidence, basis, reasons, the quantities; then the ones before. */
    private static void diagnosis(StringBuilder h, List<CardDiagnosis> diagnoses, Words w) {
        CardDiagnosis d = diagnoses.get(0);
        boolean full = "FULL_PUMP".equals(d.pattern());
        h.append("<div class=\"pump diagnosis\" data-pump-card=\"").append(d.drawable() ? "drawn" : "surface-basis")
                .append("\" data-pattern=\"").append(Html.esc(d.pattern())).append("\"><b>")
                .append(Html.esc(w.msg.get("cards.pump"))).append("</b><p class=\"verdict").append(full ? " ok" : "")
                .append("\">").append(Html.esc(w.diagnosis(d.pattern()))).append("</p><p class=\"meta\">")
                .append(Html.esc(verdict(d, w))).append("</p><ul class=\"reasons\">");
        for (String reason : w.cardReasons(d)) {
            h.append("<li>").append(Html.esc(reason)).append("</li>");
        }
        h.append("</ul><p class=\"meta\">").append(Html.esc(w.msg.get("cards.quantities",
                d.fillagePct() == null ? "—" : w.fmt.decimals(d.fillagePct(), 0) + " %",
                w.fmt.num(d.fluidLoadLbf(), "lbf"), w.fmt.num(d.pipPsi(), "psi")))).append("</p>");
        if (diagnoses.size() > 1) {
            h.append("<p class=\"note\">").append(Html.esc(w.msg.get("cards.before"))).append("</p><ul class=\"before\">");
            for (CardDiagnosis p : diagnoses.subList(1, diagnoses.size())) {
                h.append("<li>").append(Html.esc(w.fmt.time(p.readAt()) + ": " + w.diagnosis(p.pattern()) + " ("
                        + w.confidence(p.confidence()) + ")")).append("</li>");
            }
            h.append("</ul>");
        }
        h.append("</div>");
    }
}
