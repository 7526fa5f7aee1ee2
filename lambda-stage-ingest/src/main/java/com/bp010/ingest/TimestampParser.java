package com.bp010.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * ISO-8601 reading times: {@code 2024-05-01T10:00:00Z}, {@code 2024-05-01T10:00:00.5+02:00}, the PostgreSQL output
 * form {@code 2024-05-01 10:00:00+00}, and offset-less times read in the source's time zone. The last text parsed is
 * remembered: a telemetry file repeats the same time for every variable of a reading.
 * <p>
 * Where the zone keeps daylight saving time, an offset-less time can name no instant (the hour the clocks skip when
 * it starts: {@link #parse} answers null and {@link #lastSkipped} says why) or two (the hour repeated when it ends:
 * {@link #parse} answers the first, {@link #lastRepeated} the second, one hour later; the caller tells them apart).
 */
final class TimestampParser {
    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2200;
    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHmm", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(java.time.chrono.IsoChronology.INSTANCE);

    private final ZoneId zone;
    private String lastText;
    private Instant lastValue;
    private Instant lastRepeated;
    private boolean lastSkipped;

    public TimestampParser(ZoneId zone) {
        this.zone = zone;
    }

    /** The instant, or null when the text is not a timestamp this parser accepts. */
    public Instant parse(String text) {
        if (text == null) {
            return null;
        }
        if (text.equals(lastText)) {
            return lastValue;
        }
        lastRepeated = null;
        lastSkipped = false;
        Instant value = parseUncached(text.strip());
        lastText = text;
        lastValue = value;
        return value;
    }

    /**
     * For the text {@link #parse} read last: the second instant of an offset-less time the zone's clock shows twice
     * (the hour repeated when daylight saving time ends; {@link #parse} gave the first), else null.
     */
    public Instant lastRepeated() {
        return lastRepeated;
    }

    /** For the text {@link #parse} read last: true when it is an offset-less time the zone's clock skips. */
    public boolean lastSkipped() {
        return lastSkipped;
    }

    /** The zone offset-less times are read in. */
    public ZoneId zone() {
        return zone;
    }

    private Instant parseUncached(String t) {
        if (t.length() < 16 || t.length() > 40) {
            return null;
        }
        Instant fast = FastIsoInstant.parse(t);
        if (fast != null) {
            return fast;
        }
        String iso = t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
        if (iso.endsWith(" UTC")) {
            iso = iso.substring(0, iso.length() - 4) + 'Z';
        }
        try {
            TemporalAccessor parsed = FORMAT.parseBest(iso, OffsetDateTime::from, LocalDateTime::from);
            LocalDateTime local = parsed instanceof OffsetDateTime odt ? odt.toLocalDateTime() : (LocalDateTime) parsed;
            if (local.getYear() < MIN_YEAR || local.getYear() > MAX_YEAR) {
                return null;
            }
            if (parsed instanceof OffsetDateTime odt) {
                return odt.toInstant();
            }
            ZoneOffsetTransition change = zone.getRules().getTransition(local);
            if (change == null) {
                return local.atZone(zone).toInstant();
            }
            if (change.isGap()) {
                lastSkipped = true;
                return null;
            }
            ZonedDateTime first = ZonedDateTime.ofLocal(local, zone, change.getOffsetBefore());
            lastRepeated = ZonedDateTime.ofLocal(local, zone, change.getOffsetAfter()).toInstant();
            return first.toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
