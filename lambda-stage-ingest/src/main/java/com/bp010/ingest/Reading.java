package com.bp010.ingest;

import java.time.Instant;
import java.time.ZoneId;

/**
 * One telemetry reading as read from a source, before the database decides whether it is new, a duplicate or a
 * revision. {@code measure} is the value as text: numbers normalised to a dot decimal, cards kept as JSON text.
 *
 * @param line       the line (or item number) in the source where the reading starts
 * @param receivedAt when the source says it received the reading; null when it does not say
 * @param numeric    true when the measure is a number (a text value for a numeric column is rejected later)
 * @param repeated   for an offset-less time in the hour its zone's clock shows twice, the second instant it names
 *                   ({@code timestamp} is the first; the batch places it, {@link RepeatedHour}); else null
 */
public record Reading(long line, String wellId, String varId, Instant timestamp, String measure, Instant receivedAt,
                      boolean numeric, Repeated repeated) {

    /** A reading whose time names one instant. */
    public Reading(long line, String wellId, String varId, Instant timestamp, String measure, Instant receivedAt,
                   boolean numeric) {
        this(line, wellId, varId, timestamp, measure, receivedAt, numeric, null);
    }

    /**
     * The second instant of an offset-less time the zone's clock shows twice, with the time as written and the zone
     * it was read in (for the message if it cannot be placed).
     */
    public record Repeated(Instant second, String wallTime, ZoneId zone) {
    }
}
