package com.bp010.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Offset-less times in the hour a zone's clock shows twice (daylight saving time ends: 01:00-01:59 in
 * America/Chicago on 2026-11-01, first at -05:00, then at -06:00), over one batch. A series (well and SCADA id) that
 * gives the same wall time twice in the batch gave it once in each pass of the hour, in that order: its first reading
 * of that time is the first instant, the next ones the second. A wall time the batch gives once is placed at the first
 * instant while the batch is read and listed by {@link #givenOnce} at its end, for the landing's conflict step to
 * resolve against what landing holds (an hourly feed sends the second pass in the batch after the first). One
 * received before the second instant began is the first pass and is not listed. Times written with their offset need
 * none of this.
 *
 * @param <T> what the caller keeps about a staged reading given once (its staging row)
 */
final class RepeatedHour<T> {
    private final Map<SeriesTime, Seen<T>> seen = new HashMap<>();
    private final List<Seen<T>> once = new ArrayList<>();

    private record SeriesTime(String wellId, String varId, Instant first) {
    }

    private static final class Seen<T> {
        boolean twice;
        T staged;
    }

    /**
     * {@code r} (whose time is in the repeated hour) placed by its order in the batch: the series' first reading of
     * that wall time as it is (at the first instant, still naming its second), a later one at the second instant.
     */
    Reading place(Reading r) {
        Seen<T> s = seen.putIfAbsent(new SeriesTime(r.wellId(), r.varId(), r.timestamp()), new Seen<>());
        if (s == null) {
            return r;
        }
        s.twice = true;
        return new Reading(r.line(), r.wellId(), r.varId(), r.repeated().second(), r.measure(), r.receivedAt(),
                r.numeric());
    }

    /**
     * The first reading of a series-time, placed by {@link #place} at the first instant, was staged as {@code row}: it
     * is listed by {@link #givenOnce} unless the batch gives the time again or it was received before the second
     * instant (then it is the first pass).
     */
    void staged(Reading r, T row) {
        if (r.receivedAt() != null && r.receivedAt().isBefore(r.repeated().second())) {
            return;
        }
        Seen<T> s = seen.get(new SeriesTime(r.wellId(), r.varId(), r.timestamp()));
        if (s != null && !s.twice && s.staged == null) {
            s.staged = row;
            once.add(s);
        }
    }

    /** The staged rows of the wall times the batch gave once, in the order staged. */
    List<T> givenOnce() {
        List<T> rows = new ArrayList<>(once.size());
        for (Seen<T> s : once) {
            if (!s.twice) {
                rows.add(s.staged);
            }
        }
        return rows;
    }
}
