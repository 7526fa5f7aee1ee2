package com.bp010.report;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class FormatTest {
    private final Format es = new Format(Language.ES, ZoneId.of("America/Bogota"));
    private final Format en = new Format(Language.EN, ZoneId.of("UTC"));

    @Test
    void shouldWriteNumbersInTheReportsLanguage_whenFormattingValues() {
        assertThat(es.num(1234.56)).isEqualTo("1.235");
        assertThat(en.num(1234.56)).isEqualTo("1,235");
        assertThat(es.num(609.09)).isEqualTo("609,1");
        assertThat(en.num(4.784)).isEqualTo("4.78");
        assertThat(en.num(86.43, "%")).isEqualTo("86.43 %");
        assertThat(en.num(null, "psi")).isEqualTo("—");
    }

    @Test
    void shouldNeverRoundAScoreUpTo100_whenSomethingFailed() {
        // 84,191 passed of 84,200: 99.9893 % -> 99.98 %, not 100.0 %
        assertThat(en.score(84191.0 / 84200)).isEqualTo("99.98 %");
        assertThat(en.score(99999.0 / 100000)).isEqualTo("99.99 %");
        assertThat(en.score(1.0)).isEqualTo("100.00 %");
        assertThat(en.score(null)).isEqualTo("—");
    }

    @Test
    void shouldWriteTimesInTheFieldsZoneAndDurationsInDaysHoursMinutes() {
        Instant t = Instant.parse("2026-03-02T15:00:00Z");
        assertThat(es.time(t)).isEqualTo("2026-03-02 10:00");
        assertThat(en.time(t)).isEqualTo("2026-03-02 15:00");
        assertThat(en.duration(Duration.ofMinutes(2 * 1440 + 3 * 60 + 5))).isEqualTo("2 d 3 h");
        assertThat(en.duration(Duration.ofMinutes(185))).isEqualTo("3 h 5 min");
        assertThat(en.duration(Duration.ofMinutes(18))).isEqualTo("18 min");
    }
}
