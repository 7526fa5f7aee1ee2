package com.bp010.report;

import java.time.LocalDate;
import java.util.List;

/**
 * The field's daily totals: one or more series over the days of the window and a legend. A partial day (some well
 * with readings in fewer than all of the day's clock hours: 24, or 23 and 25 on the days daylight saving time starts
 * and ends) is a hollow marker off the line, so a short day reads as short, not as a fall.
 */
final class FieldChart {
    static final int W = 720;
    static final int H = 240;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 44;
    private static final int BOTTOM = 28;

    record Series(String name, String color, List<Double> values) {
    }

    private FieldChart() {
    }

    static String svg(String title, String unit, List<LocalDate> days, List<Boolean> partial, List<Series> series,
                      Format f) {
        StringBuilder s = new StringBuilder(4096);
        s.append("<svg class=\"chart field\" role=\"img\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\"><title>").append(Html.esc(title)).append("</title>")
                .append("<text x=\"4\" y=\"16\" class=\"ct\">").append(Html.esc(title)).append(" (")
                .append(Html.esc(unit)).append(")</text>");
        double max = series.stream().flatMap(x -> x.values().stream()).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).max().orElse(1);
        max = max <= 0 ? 1 : max * 1.1;
        Scale y = new Scale(0, max, H - BOTTOM, TOP);
        int n = days.size();
        Scale x = new Scale(0, Math.max(1, n - 1), LEFT + (n <= 1 ? (W - LEFT - RIGHT) / 2.0 : 0), W - RIGHT);
        for (int i = 0; i <= 4; i++) {
            double v = max / 1.1 * i / 4;
            String yy = Scale.n(y.at(v));
            s.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(W - RIGHT).append("\" y1=\"")
                    .append(yy).append("\" y2=\"").append(yy).append("\"/><text x=\"").append(LEFT - 6)
                    .append("\" y=\"").append(Scale.n(y.at(v) + 4)).append("\" class=\"ax\" text-anchor=\"end\">")
                    .append(Html.esc(f.num(v))).append("</text>");
        }
        int step = Math.max(1, (n + 7) / 8);
        for (int i = 0; i < n; i += step) {
            s.append("<text x=\"").append(Scale.n(x.at(i))).append("\" y=\"").append(H - 8)
                    .append("\" class=\"ax\" text-anchor=\"middle\">").append(Html.esc(f.shortDay(days.get(i))))
                    .append(partial.get(i) ? "*" : "").append("</text>");
        }
        int legendX = LEFT;
        for (Series line : series) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < n && i < line.values().size(); i++) {
                Double v = line.values().get(i);
                if (v != null && !partial.get(i)) {
                    points.append(Scale.n(x.at(i))).append(',').append(Scale.n(y.at(v))).append(' ');
                }
                if (v != null) {
                    s.append("<circle cx=\"").append(Scale.n(x.at(i))).append("\" cy=\"").append(Scale.n(y.at(v)))
                            .append("\" r=\"").append(partial.get(i) ? "3" : "2").append("\" fill=\"")
                            .append(partial.get(i) ? "#fff" : line.color()).append("\" stroke=\"").append(line.color())
                            .append("\"/>");
                }
            }
            s.append("<polyline class=\"series\" data-series=\"").append(Html.esc(line.name()))
                    .append("\" fill=\"none\" stroke=\"").append(line.color()).append("\" stroke-width=\"2\" points=\"")
                    .append(points.toString().trim()).append("\"/>");
            s.append("<rect x=\"").append(legendX).append("\" y=\"25\" width=\"12\" height=\"12\" fill=\"")
                    .append(line.color()).append("\"/><text x=\"").append(legendX + 16)
                    .append("\" y=\"35\" class=\"ax\">").append(Html.esc(line.name())).append("</text>");
            legendX += 28 + 7 * line.name().length();
        }
        return s.append("</svg>").toString();
    }
}
