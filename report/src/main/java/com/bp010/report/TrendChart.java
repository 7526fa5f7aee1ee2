package com.bp010.report;

import com.bp010.report.ReportModel.Limits;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One variable of one well over the window: its hourly averages against its warning band (shaded) and critical limits
 * (dashed), hours beyond a limit marked in the report's palette. A depth from surface is drawn with depth growing
 * downwards, as a well sketch reads. Scales with its box (SVG viewBox, no fixed size).
 */
final class TrendChart {
    static final int W = 360;
    static final int H = 170;
    private static final int LEFT = 48;
    private static final int RIGHT = 8;
    private static final int TOP = 26;
    private static final int BOTTOM = 20;
    private static final String PALE_HIGH_WARN = "#FBE6C2";
    private static final String PALE_HIGH_CRIT = "#F5C9AE";
    private static final String PALE_LOW_WARN = "#D5ECF9";
    private static final String PALE_LOW_CRIT = "#B9D7EC";

    private TrendChart() {
    }

    static String svg(String title, String unit, List<Instant> hours, Double[] values, Limits l, boolean depth,
                      ReportWindow window, Format f, String noData) {
        StringBuilder s = new StringBuilder(4096);
        s.append("<svg class=\"chart trend\" role=\"img\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" preserveAspectRatio=\"xMidYMid meet\"><title>")
                .append(Html.esc(title)).append("</title>");
        s.append("<text x=\"4\" y=\"14\" class=\"ct\">").append(Html.esc(shorten(title, unit.isEmpty() ? 54
                : 50 - unit.length()))).append(unit.isEmpty() ? "" : " (" + Html.esc(unit) + ")").append("</text>");
        List<Double> data = new ArrayList<>();
        for (Double v : values) {
            if (v != null) {
                data.add(v);
            }
        }
        if (data.isEmpty()) {
            s.append("<text x=\"").append(W / 2).append("\" y=\"").append(H / 2)
                    .append("\" text-anchor=\"middle\" class=\"ax\">").append(Html.esc(noData)).append("</text>");
            return s.append("</svg>").toString();
        }
        double dataLo = data.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double dataHi = data.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double span = Math.max(dataHi - dataLo, Math.abs(dataHi) * 0.05);
        double[] r = Scale.range(0.06, dataLo, dataHi, nan(l.minWarning()), nan(l.maxWarning()),
                near(l.minCritical(), dataLo, dataHi, span), near(l.maxCritical(), dataLo, dataHi, span));
        double bottomY = H - BOTTOM;
        Scale y = depth ? new Scale(r[0], r[1], TOP, bottomY) : new Scale(r[0], r[1], bottomY, TOP);
        Scale x = new Scale(window.start().getEpochSecond(), window.end().getEpochSecond(), LEFT, W - RIGHT);

        bands(s, y, r, l, depth);
        limitLine(s, y, r, l.maxWarning(), "lim");
        limitLine(s, y, r, l.minWarning(), "lim");
        limitLine(s, y, r, l.maxCritical(), "lim crit");
        limitLine(s, y, r, l.minCritical(), "lim crit");
        axes(s, x, y, r, window, f);

        StringBuilder points = new StringBuilder();
        Instant previous = null;
        for (int i = 0; i < hours.size(); i++) {
            Double v = values[i];
            boolean gap = v == null || previous != null && hours.get(i).getEpochSecond() - previous.getEpochSecond() > 3600;
            if (gap && points.length() > 0) {
                line(s, points);
            }
            if (v != null) {
                points.append(Scale.n(x.at(hours.get(i).getEpochSecond() + 1800))).append(',')
                        .append(Scale.n(y.at(v))).append(' ');
                previous = hours.get(i);
            } else {
                previous = null;
            }
        }
        line(s, points);
        for (int i = 0; i < hours.size(); i++) {
            Double v = values[i];
            Boolean high = v == null ? null : Episodes.side(v, l);
            if (high != null) {
                boolean crit = high ? l.maxCritical() != null && v > l.maxCritical()
                        : l.minCritical() != null && v < l.minCritical();
                Tone t = depth == high ? (crit ? Tone.CRITICAL_LOW : Tone.WARNING_LOW)
                        : (crit ? Tone.CRITICAL_HIGH : Tone.WARNING_HIGH);
                s.append("<circle class=\"pt\" cx=\"").append(Scale.n(x.at(hours.get(i).getEpochSecond() + 1800)))
                        .append("\" cy=\"").append(Scale.n(y.at(v))).append("\" r=\"2.2\" fill=\"")
                        .append(t.background()).append("\"/>");
            }
        }
        return s.append("</svg>").toString();
    }

    private static void line(StringBuilder s, StringBuilder points) {
        if (points.length() > 0) {
            s.append("<polyline class=\"series\" fill=\"none\" points=\"").append(points.toString().trim())
                    .append("\"/>");
            points.setLength(0);
        }
    }

    private static void bands(StringBuilder s, Scale y, double[] r, Limits l, boolean depth) {
        double lo = r[0];
        double hi = r[1];
        band(s, y, clamp(l.maxWarning(), lo, hi), clamp(l.maxCritical(), lo, hi, hi), depth ? PALE_LOW_WARN : PALE_HIGH_WARN);
        band(s, y, clamp(l.maxCritical(), lo, hi), l.maxCritical() == null ? null : hi, depth ? PALE_LOW_CRIT : PALE_HIGH_CRIT);
        band(s, y, clamp(l.minCritical(), lo, hi, lo), clamp(l.minWarning(), lo, hi), depth ? PALE_HIGH_WARN : PALE_LOW_WARN);
        band(s, y, l.minCritical() == null ? null : lo, clamp(l.minCritical(), lo, hi), depth ? PALE_HIGH_CRIT : PALE_LOW_CRIT);
        Double bandLo = l.minWarning() != null ? clamp(l.minWarning(), lo, hi) : lo;
        Double bandHi = l.maxWarning() != null ? clamp(l.maxWarning(), lo, hi) : hi;
        band(s, y, bandLo, bandHi, Tone.NORMAL.background());
    }

    private static void band(StringBuilder s, Scale y, Double from, Double to, String color) {
        if (from == null || to == null || to <= from) {
            return;
        }
        double y1 = y.at(from);
        double y2 = y.at(to);
        s.append("<rect x=\"").append(LEFT).append("\" y=\"").append(Scale.n(Math.min(y1, y2)))
                .append("\" width=\"").append(W - LEFT - RIGHT).append("\" height=\"")
                .append(Scale.n(Math.abs(y2 - y1))).append("\" fill=\"").append(color).append("\"/>");
    }

    private static void limitLine(StringBuilder s, Scale y, double[] r, Double limit, String css) {
        if (limit == null || limit < r[0] || limit > r[1]) {
            return;
        }
        String yy = Scale.n(y.at(limit));
        s.append("<line class=\"").append(css).append("\" x1=\"").append(LEFT).append("\" x2=\"").append(W - RIGHT)
                .append("\" y1=\"").append(yy).append("\" y2=\"").append(yy).append("\"/>");
    }

    private static void axes(StringBuilder s, Scale x, Scale y, double[] r, ReportWindow w, Format f) {
        for (double v : Scale.ticks(r[0], r[1], 3)) {
            s.append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(Scale.n(y.at(v) + 3))
                    .append("\" class=\"ax\" text-anchor=\"end\">").append(Html.esc(f.num(v))).append("</text>");
        }
        long days = w.to().toEpochDay() - w.from().toEpochDay() + 1;
        long step = Math.max(1, (days + 3) / 4);
        for (LocalDate d = w.from(); !d.isAfter(w.to()); d = d.plusDays(step)) {
            double xx = x.at(d.atStartOfDay(w.zone()).toEpochSecond());
            s.append("<line class=\"grid\" x1=\"").append(Scale.n(xx)).append("\" x2=\"").append(Scale.n(xx))
                    .append("\" y1=\"").append(TOP).append("\" y2=\"").append(H - BOTTOM).append("\"/>")
                    .append("<text x=\"").append(Scale.n(xx + 2)).append("\" y=\"").append(H - 6)
                    .append("\" class=\"ax\">").append(Html.esc(f.shortDay(d))).append("</text>");
        }
    }

    /** A title that fits the chart's width (the full one stays in the SVG's title element). */
    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, Math.max(1, max - 1)).stripTrailing() + "…";
    }

    private static double nan(Double v) {
        return v == null ? Double.NaN : v;
    }

    /** A critical limit joins the range only when it lies within a span of the data (otherwise the data would flatten). */
    private static double near(Double limit, double lo, double hi, double span) {
        return limit != null && limit >= lo - span && limit <= hi + span ? limit : Double.NaN;
    }

    private static Double clamp(Double v, double lo, double hi) {
        return v == null ? null : Math.max(lo, Math.min(hi, v));
    }

    private static Double clamp(Double v, double lo, double hi, double whenNull) {
        return v == null ? whenNull : Math.max(lo, Math.min(hi, v));
    }
}
