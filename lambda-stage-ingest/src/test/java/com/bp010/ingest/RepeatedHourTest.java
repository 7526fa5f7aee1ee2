package com.bp010.ingest;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** 01:30 on 2026-11-01 in America/Chicago is 06:30 UTC (CDT) and 07:30 UTC (CST). */
class RepeatedHourTest {
    private static final Instant FIRST = Instant.parse("2026-11-01T06:30:00Z");
    private static final Instant SECOND = Instant.parse("2026-11-01T07:30:00Z");

    private final RepeatedHour<String> hour = new RepeatedHour<>();

    @Test
    void shouldPlaceTheFirstThenTheSecond_andListNothing_whenTheBatchGivesTheTimeTwice() {
        Reading a = hour.place(reading("W1", "V1", null));
        hour.staged(a, "row 1");
        Reading b = hour.place(reading("W1", "V1", null));

        assertThat(a.timestamp()).isEqualTo(FIRST);
        assertThat(b.timestamp()).isEqualTo(SECOND);
        assertThat(b.repeated()).as("placed: nothing left to resolve").isNull();
        assertThat(hour.givenOnce()).isEmpty();
    }

    @Test
    void shouldListTheFirstInstantsStaged_whenTheBatchGivesTheTimeOnce() {
        Reading a = hour.place(reading("W1", "V1", null));
        hour.staged(a, "row 1");
        Reading other = hour.place(reading("W1", "V2", null));
        hour.staged(other, "row 2");

        assertThat(a.timestamp()).isEqualTo(FIRST);
        assertThat(hour.givenOnce()).containsExactly("row 1", "row 2");
    }

    @Test
    void shouldNotListIt_whenItWasReceivedBeforeTheSecondPassBegan() {
        Reading early = hour.place(reading("W1", "V1", Instant.parse("2026-11-01T06:45:00Z")));
        hour.staged(early, "row 1");
        Reading late = hour.place(reading("W2", "V1", SECOND));
        hour.staged(late, "row 2");

        assertThat(hour.givenOnce()).as("received at 01:45 CDT, it is the first pass").containsExactly("row 2");
    }

    @Test
    void shouldDropItFromTheList_whenTheBatchGivesTheTimeAgainAfterItWasStaged() {
        hour.staged(hour.place(reading("W1", "V1", null)), "row 1");
        hour.place(reading("W1", "V1", null));

        assertThat(hour.givenOnce()).isEmpty();
    }

    private static Reading reading(String well, String var, Instant received) {
        return new Reading(1, well, var, FIRST, "1", received, true,
                new Reading.Repeated(SECOND, "2026-11-01T01:30:00", ZoneId.of("America/Chicago")));
    }
}
