package com.bp010.ingest;

import java.time.Instant;

/**
 * One telemetry reading as read from a source, before the database decides whether it is new, a duplicate or a
 * revision. {@code measure} is the value as text: numbers normalised to a dot decimal, cards kept as JSON text.
 *
 * @param line       the line (or item number) in the source where the reading starts
 * @param receivedAt when the source says it received the reading; null when it does not say
 * @param numeric    true when the measure is a number (a text value for a numeric column is rejected later)
 */
public record Reading(long line, String wellId, String varId, Instant timestamp, String measure, Instant receivedAt,
                      boolean numeric) {
}
