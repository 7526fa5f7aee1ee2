package com.bp010.report;

import com.bp010.db.Bp010Exception;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportWindowTest {
    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 20);

    @Test
    void shouldEndOnTheLatestDayWithDataAndSpanSevenDays_whenNoDatesAreGiven() {
        ReportWindow w = ReportWindow.resolve(null, null, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 3, 10), TODAY,
                BOGOTA);

        assertThat(w.from()).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(w.to()).isEqualTo(LocalDate.of(2026, 3, 10));
        // days are the field's: 00:00 in Bogota is 05:00 UTC
        assertThat(w.start()).isEqualTo(Instant.parse("2026-03-04T05:00:00Z"));
        assertThat(w.end()).isEqualTo(Instant.parse("2026-03-11T05:00:00Z"));
    }

    @Test
    void shouldStartOnTheFirstDayWithData_whenTheDatabaseIsYoungerThanAWeek() {
        ReportWindow w = ReportWindow.resolve(null, null, LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 10), TODAY,
                BOGOTA);

        assertThat(w.from()).isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    void shouldKeepTheGivenDatesAndRefuseAnInvertedWindow() {
        ReportWindow w = ReportWindow.resolve(LocalDate.of(2001, 1, 1), null, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 10), TODAY, BOGOTA);
        assertThat(w.to()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(ReportWindow.resolve(null, null, null, null, TODAY, BOGOTA).to()).isEqualTo(TODAY);

        assertThatThrownBy(() -> ReportWindow.resolve(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 1), null, null,
                TODAY, BOGOTA)).isInstanceOf(Bp010Exception.class).hasMessageContaining("give --from on or before --to");
    }
}
