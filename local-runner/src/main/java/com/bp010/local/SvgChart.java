package com.bp010.local;

import java.util.List;
import java.util.Locale;

/** A small, dependency-free SVG line chart: one x axis of labels, one or more series, a legend. */
final class SvgChart {
    record Series(String name, String color, List<Double> values) {
    }

    private static final int WIDTH = 760;
    private static final int HEIGHT = 260;
    private static final int LEFT = 64;
    private static final int RIGHT = 40;
    private static final int TOP = 44;
    private static final int BOTTOM = 40;

    private SvgChart() {
    }

    static String lines(String title, String unit, List<String> labels, List<Series> series) {
        double max = series.stream().flatMap(s -> s.values().stream()).filter(v -> v != null && !v.isNaN())
                .mapToDouble(Double::doubleValue).max().orElse(1);
        max = max <= 0 ? 1 : niceCeiling(max);
        int n = labels.size();
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"chart\" role=\"img\" aria-label=\"%s\" viewBox=\"0 0 %d %d\""
                + " width=\"%d\" height=\"%d\" xmlns=\"http://www.w3.org/2000/svg\">", HtmlReport.esc(title), WIDTH,
                HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" class=\"ct\">%s (%s)</text>", LEFT,
                HtmlReport.esc(title), HtmlReport.esc(unit)));
        for (int i = 0; i <= 4; i++) {
            double y = TOP + plotH - plotH * i / 4;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" class=\"ax\" text-anchor=\"end\">%s</text>", LEFT, y, WIDTH - RIGHT, y,
                    LEFT - 6, y + 4, fmt(max * i / 4)));
        }
        int step = Math.max(1, n / 8);
        for (int i = 0; i < n; i += step) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"ax\" text-anchor=\"middle\">%s</text>",
                    x(i, n, plotW), HEIGHT - 14, HtmlReport.esc(labels.get(i))));
        }
        int legendX = LEFT;
        for (Series s : series) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < n && i < s.values().size(); i++) {
                Double v = s.values().get(i);
                if (v == null || v.isNaN()) {
                    continue;
                }
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i, n, plotW), TOP + plotH - plotH * v / max));
            }
            svg.append(String.format(Locale.ROOT, "<polyline class=\"series\" data-series=\"%s\" fill=\"none\""
                    + " stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>", HtmlReport.esc(s.name()), s.color(),
                    points.toString().trim()));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"25\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"35\" class=\"ax\">%s</text>", legendX, s.color(), legendX + 16,
                    HtmlReport.esc(s.name())));
            legendX += 24 + 8 * s.name().length();
        }
        return svg.append("</svg>").toString();
    }

    private static double x(int i, int n, double plotW) {
        return n <= 1 ? LEFT + plotW / 2 : LEFT + plotW * i / (n - 1);
    }

    private static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (v <= m * magnitude) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String fmt(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
