package com.bp010.pipeline;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ChunksTest {
    private static RunWindow w(String from, String to) {
        return new RunWindow(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void shouldCutAShortWindowIntoDays_andResumeAfterTheRecordedDay() {
        assertThat(Chunks.of(w("2026-03-08", "2026-03-11"), null)).containsExactly(w("2026-03-08", "2026-03-08"),
                w("2026-03-09", "2026-03-09"), w("2026-03-10", "2026-03-10"), w("2026-03-11", "2026-03-11"));
        assertThat(Chunks.of(w("2026-03-08", "2026-03-11"), LocalDate.parse("2026-03-09")))
                .containsExactly(w("2026-03-10", "2026-03-10"), w("2026-03-11", "2026-03-11"));
        assertThat(Chunks.of(w("2026-03-08", "2026-03-11"), LocalDate.parse("2026-03-11"))).isEmpty();
    }

    @Test
    void shouldCutABackfillIntoCalendarMonths_clippedToTheWindow() {
        assertThat(Chunks.of(w("2025-12-15", "2026-03-02"), null)).containsExactly(w("2025-12-15", "2025-12-31"),
                w("2026-01-01", "2026-01-31"), w("2026-02-01", "2026-02-28"), w("2026-03-01", "2026-03-02"));
        assertThat(Chunks.of(w("2025-12-15", "2026-03-02"), LocalDate.parse("2026-01-31")))
                .containsExactly(w("2026-02-01", "2026-02-28"), w("2026-03-01", "2026-03-02"));
    }

    @Test
    void shouldKeepThirtyOneDaysDaily_andMakeThirtyTwoMonthly() {
        assertThat(Chunks.of(w("2026-01-01", "2026-01-31"), null)).hasSize(31);
        assertThat(Chunks.of(w("2026-01-01", "2026-02-01"), null)).containsExactly(w("2026-01-01", "2026-01-31"),
                w("2026-02-01", "2026-02-01"));
    }
}
