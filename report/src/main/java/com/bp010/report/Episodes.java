package com.bp010.report;

import com.bp010.report.ReportModel.HourlySeries;
import com.bp010.report.ReportModel.Limits;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A well's alert episodes over the window, from its hourly averages judged against its current limits: consecutive
 * hours whose average lies beyond the same warning limit (above max_warning, or below min_warning). An hour without a
 * value ends an episode. An episode is critical when any of its hours lies beyond the critical limit of that side; its
 * limit is then that critical limit (the one its state names), else the warning limit it crossed.
 */
final class Episodes {
    private static final Duration HOUR = Duration.ofHours(1);

    /** start = first hour, end = the end of the last hour; lastHour says it runs to the series' last hour. */
    record Episode(String variable, boolean high, boolean critical, Instant start, Instant end, double worst,
                   String limitName, double limit, boolean lastHour) {
        Duration length() {
            return Duration.between(start, end);
        }
    }

    private Episodes() {
    }

    static List<Episode> of(HourlySeries series, Map<String, Limits> limits) {
        List<Episode> episodes = new ArrayList<>();
        if (series == null) {
            return episodes;
        }
        List<Instant> hours = series.hours();
        series.values().forEach((variable, values) -> {
            Limits l = limits.get(variable);
            if (l == null) {
                return;
            }
            Open open = null;
            for (int i = 0; i < hours.size(); i++) {
                Double v = values[i];
                Boolean side = v == null ? null : side(v, l);
                boolean continues = open != null && side != null && side == open.high
                        && hours.get(i).equals(open.lastHour.plus(HOUR));
                if (open != null && !continues) {
                    episodes.add(open.close(variable, l, false));
                    open = null;
                }
                if (side != null) {
                    if (open == null) {
                        open = new Open(side, hours.get(i), v);
                    }
                    open.extend(hours.get(i), v, critical(v, l, side));
                }
            }
            if (open != null) {
                episodes.add(open.close(variable, l, true));
            }
        });
        episodes.sort(Comparator.comparing(Episode::start).thenComparing(Episode::variable));
        return episodes;
    }

    /** true above max_warning, false below min_warning, null inside the band. */
    static Boolean side(double v, Limits l) {
        if (l.maxWarning() != null && v > l.maxWarning() || l.maxWarning() == null && l.maxCritical() != null
                && v > l.maxCritical()) {
            return true;
        }
        if (l.minWarning() != null && v < l.minWarning() || l.minWarning() == null && l.minCritical() != null
                && v < l.minCritical()) {
            return false;
        }
        return null;
    }

    private static boolean critical(double v, Limits l, boolean high) {
        return high ? l.maxCritical() != null && v > l.maxCritical() : l.minCritical() != null && v < l.minCritical();
    }

    private static final class Open {
        final boolean high;
        final Instant start;
        Instant lastHour;
        double worst;
        boolean critical;

        Open(boolean high, Instant start, double first) {
            this.high = high;
            this.start = start;
            this.lastHour = start;
            this.worst = first;
        }

        void extend(Instant hour, double v, boolean beyondCritical) {
            lastHour = hour;
            worst = high ? Math.max(worst, v) : Math.min(worst, v);
            critical |= beyondCritical;
        }

        /** The limit of the state the episode shows: the critical one when it went beyond it, else the warning. */
        Episode close(String variable, Limits l, boolean toTheEnd) {
            boolean warning = !critical && (high ? l.maxWarning() != null : l.minWarning() != null);
            String name = (high ? "max_" : "min_") + (warning ? "warning" : "critical");
            double limit = high ? (warning ? l.maxWarning() : l.maxCritical())
                    : (warning ? l.minWarning() : l.minCritical());
            return new Episode(variable, high, critical, start, lastHour.plus(HOUR), worst, name, limit, toTheEnd);
        }
    }
}
