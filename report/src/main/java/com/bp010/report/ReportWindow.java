package com.bp010.report;

import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The calendar days a report covers, both inclusive, in the field's time zone ({@code BP010_TIMEZONE}). */
record ReportWindow(LocalDate from, LocalDate to, ZoneId zone) {
    static final int DEFAULT_DAYS = 7;

    ReportWindow {
        if (to.isBefore(from)) {
            throw new Bp010Exception(ErrorCode.BAD_INPUT, "The report window ends (" + to + ") before it starts ("
                    + from + "): give --from on or before --to").with("field", "from");
        }
    }

    /** First instant of the window: {@code from} at 00:00 in the zone. */
    Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** First instant after the window: the day after {@code to} at 00:00 in the zone. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * The window a request asks for: both dates as given; a missing {@code to} is the latest day with data (today when
     * there is none), a missing {@code from} is {@value #DEFAULT_DAYS} days ending on {@code to}, or the first day with
     * data when that is later (a young database is not drawn as empty days).
     */
    static ReportWindow resolve(LocalDate from, LocalDate to, LocalDate firstDataDay, LocalDate latestDataDay,
                                LocalDate today, ZoneId zone) {
        LocalDate end;
        if (to != null) {
            end = to;
        } else if (from != null && (latestDataDay == null || latestDataDay.isBefore(from))) {
            end = from.plusDays(DEFAULT_DAYS - 1);
        } else {
            end = latestDataDay != null ? latestDataDay : today;
        }
        LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1);
        if (from == null && firstDataDay != null && start.isBefore(firstDataDay) && !firstDataDay.isAfter(end)) {
            start = firstDataDay;
        }
        return new ReportWindow(start, end, zone);
    }
}
