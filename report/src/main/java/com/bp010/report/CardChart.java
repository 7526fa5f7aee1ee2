package com.bp010.report;

import java.time.Instant;
import java.util.List;

/**
 * Dynamometer cards, load (lbf) against position (in): the latest drawn strongly, the ones before it faintly on the
 * same axes so a change of shape shows. Cards that cannot be drawn are left out here and listed beside the chart.
 */
final class CardChart {
    static final int W = 360;
    static final int H = 230;
    private static final int LEFT = 56;
    private static final int RIGHT = 10;
    private static final int TOP = 26;
    private static final int BOTTOM = 30;

    private CardChart() {
    }

    /** One card to draw: position and load of one stroke, read at {@code readAt}. */
    record Loop(Instant readAt, double[] position, double[] load) {
    }

    /**
     * {@code cards} newest first, all drawable; {@code kind} ({@code surface} or {@code pump}) is the chart's class
     * beside {@code chart card}.
     */
    static String svg(String title, String kind, List<Loop> drawable, Format f, String xLabel, String yLabel) {
        StringBuilder s = new StringBuilder(4096);
        s.append("<svg class=\"chart card ").append(kind).append("\" role=\"img\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\"><title>").append(Html.esc(title)).append("</title>")
                .append("<text x=\"4\" y=\"14\" class=\"ct\">").append(Html.esc(TrendChart.shorten(title, 54)))
                .append("</text>");
        double xLo = Double.POSITIVE_INFINITY;
        double xHi = Double.NEGATIVE_INFINITY;
        double yLo = Double.POSITIVE_INFINITY;
        double yHi = Double.NEGATIVE_INFINITY;
        for (Loop c : drawable) {
            for (int i = 0; i < c.position().length; i++) {
                xLo = Math.min(xLo, c.position()[i]);
                xHi = Math.max(xHi, c.position()[i]);
                yLo = Math.min(yLo, c.load()[i]);
                yHi = Math.max(yHi, c.load()[i]);
            }
        }
        if (drawable.isEmpty()) {
            return s.append("</svg>").toString();
        }
        double[] xr = Scale.range(0.04, xLo, xHi);
        double[] yr = Scale.range(0.08, yLo, yHi);
        Scale x = new Scale(xr[0], xr[1], LEFT, W - RIGHT);
        Scale y = new Scale(yr[0], yr[1], H - BOTTOM, TOP);
        for (double v : Scale.ticks(yr[0], yr[1], 4)) {
            s.append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(Scale.n(y.at(v) + 3))
                    .append("\" class=\"ax\" text-anchor=\"end\">").append(Html.esc(f.num(v))).append("</text>");
        }
        for (double v : Scale.ticks(xr[0], xr[1], 4)) {
            s.append("<text x=\"").append(Scale.n(x.at(v))).append("\" y=\"").append(H - BOTTOM + 12)
                    .append("\" class=\"ax\" text-anchor=\"middle\">").append(Html.esc(f.num(v))).append("</text>");
        }
        s.append("<text x=\"").append((LEFT + W - RIGHT) / 2).append("\" y=\"").append(H - 4)
                .append("\" class=\"ax\" text-anchor=\"middle\">").append(Html.esc(xLabel)).append("</text>")
                .append("<text x=\"10\" y=\"").append((TOP + H - BOTTOM) / 2).append("\" class=\"ax\" transform=\"rotate(-90 10 ")
                .append((TOP + H - BOTTOM) / 2).append(")\" text-anchor=\"middle\">").append(Html.esc(yLabel)).append("</text>");
        for (int k = drawable.size() - 1; k >= 0; k--) {
            Loop c = drawable.get(k);
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < c.position().length; i++) {
                points.append(Scale.n(x.at(c.position()[i]))).append(',').append(Scale.n(y.at(c.load()[i]))).append(' ');
            }
            s.append("<polygon class=\"").append(k == 0 ? "loop latest" : "loop previous").append("\" points=\"")
                    .append(points.toString().trim()).append("\"><title>").append(Html.esc(f.time(c.readAt())))
                    .append("</title></polygon>");
        }
        return s.append("</svg>").toString();
    }
}
