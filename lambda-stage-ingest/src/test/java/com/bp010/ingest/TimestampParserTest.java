package com.bp010.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampParserTest {
    private final TimestampParser bogota = new TimestampParser(ZoneId.of("America/Bogota"));

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2024-05-01T10:00:00Z, 2024-05-01T10:00:00Z",
            "2024-05-01T10:00:00.250Z, 2024-05-01T10:00:00.250Z",
            "2024-05-01T12:00:00+02:00, 2024-05-01T10:00:00Z",
            "2024-05-01 10:00:00+00, 2024-05-01T10:00:00Z",
            "2024-05-01 07:00:00-0300, 2024-05-01T10:00:00Z",
            "2024-05-01T10:00Z, 2024-05-01T10:00:00Z",
            "2024-05-01T05:00:00, 2024-05-01T10:00:00Z",
            "2024-05-01 05:00:00, 2024-05-01T10:00:00Z",
    })
    void shouldReadIsoTimes_whenTheyCarryAnOffsetOrAreLocalToTheSource(String text, String expected) {
        assertThat(bogota.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-13-01T00:00:00Z", "2024-02-30T00:00:00Z", "2024-05-01", "01/05/2024 10:00",
            "yesterday", "1850-01-01T00:00:00Z", "2024-05-01T25:00:00Z", ""})
    void shouldRefuse_whenTheTextIsNotAPlausibleIsoTime(String text) {
        assertThat(bogota.parse(text)).isNull();
    }

    @Test
    void shouldReadEveryDayOf1900To2200AsTheFormatterDoes_whenTheFastPathTakesIt() {
        for (java.time.LocalDate d = java.time.LocalDate.of(1900, 1, 1); d.getYear() <= 2200; d = d.plusDays(1)) {
            String text = d + "T13:45:07.25+02:00";
            assertThat(FastIsoInstant.parse(text)).as(text).isEqualTo(java.time.OffsetDateTime.parse(text).toInstant());
            assertThat(FastIsoInstant.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth())).isEqualTo(d.toEpochDay());
        }
        for (String notADay : new String[] {"1900-02-29", "2100-02-29", "2023-02-29", "2024-04-31", "2024-06-31",
                "2024-09-31", "2024-11-31", "2024-01-32"}) {
            assertThat(FastIsoInstant.parse(notADay + "T00:00:00Z")).as(notADay).isNull();
        }
        assertThat(FastIsoInstant.parse("2000-02-29T00:00:00Z")).isEqualTo(java.time.Instant.parse("2000-02-29T00:00:00Z"));
    }

    @Test
    void shouldGiveTheSameInstant_whenTheSameTextRepeats() {
        Instant first = bogota.parse("2024-05-01T10:00:00Z");

        assertThat(bogota.parse("2024-05-01T10:00:00Z")).isSameAs(first);
        assertThat(bogota.parse("2024-05-01T11:00:00Z")).isEqualTo(Instant.parse("2024-05-01T11:00:00Z"));
    }
    @Test
    void shouldNameBothInstantsOrNone_whenAnOffsetLessTimeFallsOnADaylightSavingChange() {
        TimestampParser chicago = new TimestampParser(ZoneId.of("America/Chicago"));

        assertThat(chicago.parse("2026-11-01T01:30:00")).isEqualTo(Instant.parse("2026-11-01T06:30:00Z"));
        assertThat(chicago.lastRepeated()).as("01:30 CST, an hour later").isEqualTo(Instant.parse("2026-11-01T07:30:00Z"));
        assertThat(chicago.parse("2026-11-01T02:30:00")).isEqualTo(Instant.parse("2026-11-01T08:30:00Z"));
        assertThat(chicago.lastRepeated()).isNull();
        assertThat(chicago.parse("2026-03-08T02:30:00")).as("the hour the clocks skip").isNull();
        assertThat(chicago.lastSkipped()).isTrue();
        assertThat(chicago.parse("2026-03-08T02:30:00-06:00")).as("with its offset it is an instant")
                .isEqualTo(Instant.parse("2026-03-08T08:30:00Z"));
        assertThat(chicago.lastSkipped()).isFalse();
        assertThat(bogota.parse("2026-11-01T01:30:00")).isEqualTo(Instant.parse("2026-11-01T06:30:00Z"));
        assertThat(bogota.lastRepeated()).as("Bogota keeps no daylight saving time").isNull();
    }
}
