package com.bp010.pipeline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * How a chunked phase splits its window into committed chunks: one per day for a window of up to
 * {@value #MAX_DAILY_CHUNKS} days (the hourly steady state, a week's rerun), one per calendar month beyond (a backfill
 * or a first run over all history), clipped to the window; the chunks after {@code doneUntil} (a resume point) only.
 */
final class Chunks {
    static final int MAX_DAILY_CHUNKS = 31;

    private Chunks() {
    }

    static List<RunWindow> of(RunWindow window, LocalDate doneUntil) {
        List<RunWindow> chunks = new ArrayList<>();
        LocalDate from = doneUntil == null || doneUntil.isBefore(window.from()) ? window.from() : doneUntil.plusDays(1);
        boolean daily = ChronoUnit.DAYS.between(window.from(), window.to()) + 1 <= MAX_DAILY_CHUNKS;
        for (LocalDate d = from; !d.isAfter(window.to()); ) {
            LocalDate end = daily ? d : d.with(TemporalAdjusters.lastDayOfMonth());
            if (end.isAfter(window.to())) {
                end = window.to();
            }
            chunks.add(new RunWindow(d, end));
            d = end.plusDays(1);
        }
        return chunks;
    }
}
