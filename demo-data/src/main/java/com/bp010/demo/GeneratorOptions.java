package com.bp010.demo;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * What to generate: {@code wells} wells named {@code prefix-0001}..., {@code days} days of hourly readings ending at
 * the hour of {@code end}, from {@code seed} (the same options always give the same files).
 *
 * @param withReceivedAt write the optional {@code source_received_at} column (the SCADA receive time)
 * @param reservesXlsx   reserves as a workbook (true) or as CSV
 * @param zone           the controllers' time zone (the field's, {@code BP010_TIMEZONE}): their daily counters
 *                       (runtime, cycles, pump-offs, idle time today) restart at its midnight, the diurnal temperature
 *                       and the planted half-day downtime follow its clock
 */
public record GeneratorOptions(int wells, int days, Instant end, long seed, String prefix, Set<Fault> faults,
                               boolean withReceivedAt, boolean reservesXlsx, ZoneId zone) {

    /** Controllers on UTC. */
    public GeneratorOptions(int wells, int days, Instant end, long seed, String prefix, Set<Fault> faults,
                            boolean withReceivedAt, boolean reservesXlsx) {
        this(wells, days, end, seed, prefix, faults, withReceivedAt, reservesXlsx, ZoneOffset.UTC);
    }

    public GeneratorOptions {
        if (wells < 1 || wells > 100_000) {
            throw new IllegalArgumentException("--wells must be between 1 and 100000, got " + wells);
        }
        if (days < 1 || days > 3_660) {
            throw new IllegalArgumentException("--days must be between 1 and 3660, got " + days);
        }
        if (!prefix.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,40}")) {
            throw new IllegalArgumentException("--prefix must be letters, digits, '_', '.' or '-', got " + prefix);
        }
        end = end.truncatedTo(ChronoUnit.HOURS);
        faults = Set.copyOf(faults);
        zone = zone == null ? ZoneOffset.UTC : zone;
    }

    public static GeneratorOptions of(int wells, int days, Instant end, long seed) {
        return new GeneratorOptions(wells, days, end, seed, "DEMO", Set.of(), true, true);
    }

    public GeneratorOptions withFaults(Set<Fault> planted) {
        return new GeneratorOptions(wells, days, end, seed, prefix, planted, withReceivedAt, reservesXlsx, zone);
    }

    public GeneratorOptions withPrefix(String p) {
        return new GeneratorOptions(wells, days, end, seed, p, faults, withReceivedAt, reservesXlsx, zone);
    }

    public GeneratorOptions withReceivedAt(boolean received) {
        return new GeneratorOptions(wells, days, end, seed, prefix, faults, received, reservesXlsx, zone);
    }

    public GeneratorOptions withReservesXlsx(boolean xlsx) {
        return new GeneratorOptions(wells, days, end, seed, prefix, faults, withReceivedAt, xlsx, zone);
    }

    /** The same options with the controllers' clocks in {@code z}. */
    public GeneratorOptions withZone(ZoneId z) {
        return new GeneratorOptions(wells, days, end, seed, prefix, faults, withReceivedAt, reservesXlsx, z);
    }

    public int hours() {
        return days * 24;
    }

    /** The first reading time: {@code hours() - 1} hours before {@code end}. */
    public Instant start() {
        return end.minus(hours() - 1L, ChronoUnit.HOURS);
    }

    public String wellId(int index) {
        return String.format("%s-%04d", prefix, index + 1);
    }
}
