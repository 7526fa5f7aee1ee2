package com.bp010.ingest;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Offset-less times in the hour a zone's clock shows twice (daylight saving time ends: 01:00-01:59 in
 * America/Chicago on 2026-11-01, first at -05:00, then at -06:00). A series (well and SCADA id) that gives the same
 * wall time twice in one batch gave it once in each pass of the hour, in that order: its first reading of that time
 * is the first instant, the next ones the second. A batch holding only one of them (a file cut inside the repeated
 * hour) cannot be told apart and takes the first; times written with their offset need none of this.
 */
final class RepeatedHour {
    private final Set<SeriesTime> seen = new HashSet<>();

    private record SeriesTime(String wellId, String varId, Instant first) {
    }

    /** The instant of a reading whose wall time names {@code first} and {@code second}, by its order in the batch. */
    Instant place(String wellId, String varId, Instant first, Instant second) {
        return seen.add(new SeriesTime(wellId, varId, first)) ? first : second;
    }
}
