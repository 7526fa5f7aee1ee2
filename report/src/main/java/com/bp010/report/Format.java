package com.bp010.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Numbers, times and durations as the report writes them, in the report's language (Spanish: 1.234,5; English:
 * 1,234.5) and the field's time zone. Significant digits follow the magnitude; a fraction is never rounded up to
 * 100 % while anything failed.
 */
final class Format {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DAY_SHORT = DateTimeFormatter.ofPattern("MM-dd");

    private final Language lang;
    private final ZoneId zone;
    private final DecimalFormatSymbols symbols;

    Format(Language lang, ZoneId zone) {
        this.lang = lang;
        this.zone = zone;
        this.symbols = DecimalFormatSymbols.getInstance(lang.locale());
    }

    ZoneId zone() {
        return zone;
    }

    Language lang() {
        return lang;
    }

    /** A measured value: no decimals from 1,000, one from 100, two below; "—" for no value. */
    String num(Double v) {
        if (v == null || v.isNaN() || v.isInfinite()) {
            return "—";
        }
        double a = Math.abs(v);
        return decimals(v, a >= 1000 ? 0 : a >= 100 ? 1 : 2);
    }

    String num(Double v, String unit) {
        String n = num(v);
        return v == null || unit == null || unit.isEmpty() ? n : unit.equals("%") ? n + " %" : n + " " + unit;
    }

    /** A whole count with grouping. */
    String count(long n) {
        return decimals(n, 0);
    }

    /** A value with exactly {@code places} decimals. */
    String decimals(double v, int places) {
        DecimalFormat f = new DecimalFormat(places == 0 ? "#,##0" : "#,##0." + "0".repeat(places), symbols);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(v);
    }

    /** A fraction (0-1) as a percentage with two decimals, rounded down so 99.996 % with failures reads 99.99 %. */
    String score(Double fraction) {
        if (fraction == null) {
            return "—";
        }
        BigDecimal pct = BigDecimal.valueOf(fraction).multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.FLOOR);
        return decimals(pct.doubleValue(), 2) + " %";
    }

    /** A value already in percent, one decimal. */
    String pct(Double percent) {
        return percent == null ? "—" : decimals(percent, 1) + " %";
    }

    String time(Instant t) {
        return t == null ? "—" : TIME.format(t.atZone(zone));
    }

    String shortTime(Instant t) {
        return t == null ? "—" : SHORT.format(t.atZone(zone));
    }

    String day(LocalDate d) {
        return d == null ? "—" : DAY.format(d);
    }

    String shortDay(LocalDate d) {
        return d == null ? "—" : DAY_SHORT.format(d);
    }

    /** "3 d 4 h", "5 h 20 min", "12 min". */
    String duration(Duration d) {
        if (d == null || d.isNegative()) {
            return "—";
        }
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return days + " d" + (hours > 0 ? " " + hours + " h" : "");
        }
        if (hours > 0) {
            return hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
        }
        return minutes + " min";
    }
}
