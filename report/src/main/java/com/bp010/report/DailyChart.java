package com.bp010.report;

import com.bp010.report.ReportModel.DailyKpi;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One well's daily oil production (bars) against its target rate (a line), a bar per day of the window; a day with
 * fewer than 24 hours of readings is drawn hatched and marked, since it adds only the hours it has.
 */
final class DailyChart {
    static final int W = 360;
    static final int H = 170;
    private static final int LEFT = 48;
    private static final int RIGHT = 8;
    private static final int TOP = 26;
    private static final int BOTTOM = 20;

    private DailyChart() {
    }

    static String svg(String title, String unit, List<DailyKpi> days, ReportWindow w, Format f, String noData) {
        StringBuilder s = new StringBuilder(2048);
        s.append("<svg class=\"chart daily\" role=\"img\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\"><title>").append(Html.esc(title)).append("</title>")
                .append("<text x=\"4\" y=\"14\" class=\"ct\">").append(Html.esc(title)).append(" (")
                .append(Html.esc(unit)).append(")</text>");
        Map<LocalDate, DailyKpi> byDay = days.stream().collect(Collectors.toMap(DailyKpi::day, Function.identity()));
        double max = 0;
        Double target = null;
        for (DailyKpi d : days) {
            max = Math.max(max, d.oil() == null ? 0 : d.oil());
            if (d.targetOilRate() != null) {
                target = d.targetOilRate();
                max = Math.max(max, target);
            }
        }
        if (days.isEmpty() || max <= 0) {
            s.append("<text x=\"").append(W / 2).append("\" y=\"").append(H / 2)
                    .append("\" text-anchor=\"middle\" class=\"ax\">").append(Html.esc(noData)).append("</text>");
            return s.append("</svg>").toString();
        }
        max *= 1.1;
        Scale y = new Scale(0, max, H - BOTTOM, TOP);
        long n = w.to().toEpochDay() - w.from().toEpochDay() + 1;
        double slot = (double) (W - LEFT - RIGHT) / n;
        for (double v : new double[] {0, max / 2, max / 1.1}) {
            s.append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(Scale.n(y.at(v) + 3))
                    .append("\" class=\"ax\" text-anchor=\"end\">").append(Html.esc(f.num(v))).append("</text>");
        }
        long step = Math.max(1, (n + 5) / 6);
        int i = 0;
        for (LocalDate d = w.from(); !d.isAfter(w.to()); d = d.plusDays(1), i++) {
            double x0 = LEFT + slot * i;
            DailyKpi k = byDay.get(d);
            if (k != null && k.oil() != null) {
                double top = y.at(k.oil());
                s.append("<rect class=\"bar").append(k.complete() ? "" : " partial").append("\" x=\"")
                        .append(Scale.n(x0 + slot * 0.15)).append("\" y=\"").append(Scale.n(top))
                        .append("\" width=\"").append(Scale.n(slot * 0.7)).append("\" height=\"")
                        .append(Scale.n(H - BOTTOM - top)).append("\"").append(k.complete() ? "" : " fill=\"url(#bp010-hatch)\"")
                        .append("><title>").append(Html.esc(f.day(d) + ": " + f.num(k.oil()) + " " + unit))
                        .append("</title></rect>");
                if (!k.complete()) {
                    s.append("<text x=\"").append(Scale.n(x0 + slot / 2)).append("\" y=\"").append(Scale.n(top - 3))
                            .append("\" class=\"ax\" text-anchor=\"middle\">*</text>");
                }
            }
            if (i % step == 0) {
                s.append("<text x=\"").append(Scale.n(x0 + slot / 2)).append("\" y=\"").append(H - 6)
                        .append("\" class=\"ax\" text-anchor=\"middle\">").append(Html.esc(f.shortDay(d)))
                        .append("</text>");
            }
        }
        if (target != null) {
            String yy = Scale.n(y.at(target));
            s.append("<line class=\"target\" x1=\"").append(LEFT).append("\" x2=\"").append(W - RIGHT)
                    .append("\" y1=\"").append(yy).append("\" y2=\"").append(yy).append("\"/>");
        }
        return s.append("</svg>").toString();
    }
}
