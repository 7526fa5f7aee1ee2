package com.bp010.demo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WellSimulatorTest {

    /**
     * A controller's daily counters, read on every hourly reading over a few days around a zone's odd days (a
     * half-hour offset, daylight saving time starting and ending, 30-minute DST): runtime today never exceeds the
     * day's length, runtime + idle today is the time from the controller's midnight to the end of the reading's hour
     * within the day, and the day's last reading accounts for exactly the day's length.
     */
    @ParameterizedTest
    @CsvSource({
            "Asia/Kolkata, 2026-03-01T00:00:00Z, 24.0",       // +05:30: the day's last reading is at 23:30
            "Asia/Kathmandu, 2026-03-01T00:00:00Z, 24.0",     // +05:45
            "America/Chicago, 2026-03-06T00:00:00Z, 23.0",    // DST starts 8 Mar 2026
            "America/Chicago, 2026-10-30T00:00:00Z, 25.0",    // DST ends 1 Nov 2026
            "Australia/Adelaide, 2026-10-02T00:00:00Z, 23.0", // +09:30 -> +10:30 on 4 Oct 2026
            "Australia/Adelaide, 2026-04-03T00:00:00Z, 25.0", // +10:30 -> +09:30 on 5 Apr 2026
            "Australia/Lord_Howe, 2026-10-02T00:00:00Z, 23.5", // +10:30 -> +11:00 on 4 Oct 2026
            "Australia/Lord_Howe, 2026-04-03T00:00:00Z, 24.5"  // +11:00 -> +10:30 on 5 Apr 2026
    })
    void shouldNeverCountMoreRuntimeTodayThanTheDayHas_whenTheZoneHasHalfHoursOrDaylightSaving(
            String zoneId, String from, double oddestDay) {
        ZoneId zone = ZoneId.of(zoneId);
        Instant start = Instant.parse(from);
        SplittableRandom rng = new SplittableRandom(11);
        WellProfile well = WellProfile.random("W-1", rng);
        WellSimulator sim = new WellSimulator(well, WellSimulator.key(11, 0), WellCards.of(well, null), null, null, zone);
        int runtime = ScadaTags.index("runtime_today_hours");
        int idle = ScadaTags.index("idle_time_today_hours");

        TreeMap<LocalDate, double[]> lastOfDay = new TreeMap<>(); // runtime, idle, day length
        for (int h = 0; h < 24 * 6; h++) {
            Instant t = start.plus(h, ChronoUnit.HOURS);
            double[] v = sim.hour(t).values();
            LocalDate day = t.atZone(zone).toLocalDate();
            Instant midnight = day.atStartOfDay(zone).toInstant();
            double dayLength = (day.plusDays(1).atStartOfDay(zone).toEpochSecond() - midnight.getEpochSecond())
                    / 3600.0;
            double hourEndSinceMidnight = (t.getEpochSecond() + 3600 - midnight.getEpochSecond()) / 3600.0;
            assertThat(v[runtime]).as("runtime today at %s", t).isLessThanOrEqualTo(dayLength + 1e-9);
            if (h > 0 && !day.equals(start.atZone(zone).toLocalDate())) {
                assertThat(v[runtime] + v[idle]).as("runtime + idle today at %s", t)
                        .isCloseTo(Math.min(hourEndSinceMidnight, dayLength), within(1e-9));
            }
            lastOfDay.put(day, new double[] {v[runtime], v[idle], dayLength});
        }

        // whole days only (the first and the last are cut by the series): each accounts for its length exactly
        lastOfDay.pollFirstEntry();
        lastOfDay.pollLastEntry();
        assertThat(lastOfDay.values()).allSatisfy(d -> assertThat(d[0] + d[1]).isCloseTo(d[2], within(1e-9)));
        assertThat(lastOfDay.values()).anySatisfy(d -> assertThat(d[2]).isEqualTo(oddestDay));
        assertThat(lastOfDay.values().stream().mapToDouble(d -> d[0]).max().orElseThrow())
                .isLessThanOrEqualTo(lastOfDay.values().stream().mapToDouble(d -> d[2]).max().orElseThrow());
    }
}
