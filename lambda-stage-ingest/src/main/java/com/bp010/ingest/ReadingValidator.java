package com.bp010.ingest;

import com.bp010.db.text.FieldNumber;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Turns the text fields of one telemetry row (from CSV, JSON, a dump or a replayed reject) into a {@link Reading}, or
 * into a {@link RowReject} naming the field and the reason. What needs the catalogue (is the well known, is the SCADA
 * id mapped, does a text fit its column) is decided later, in the database, for the whole batch at once.
 */
final class ReadingValidator {
    /** The well ids {@code stage.tbl_pozo_maestra} accepts (its CHECK constraint). */
    public static final Pattern WELL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final int MAX_VAR_ID = 64;

    private final TimestampParser timestamps;
    private final TimestampParser receivedTimes;
    private final boolean commaIsDecimal;
    private String lastGoodWell;

    /** A validator for a source whose offset-less times are in {@code timestamps}' zone. */
    public ReadingValidator(TimestampParser timestamps, TimestampParser receivedTimes, boolean commaIsDecimal) {
        this.timestamps = timestamps;
        this.receivedTimes = receivedTimes;
        this.commaIsDecimal = commaIsDecimal;
    }

    public ReadingValidator withCommaDecimal(boolean comma) {
        return new ReadingValidator(timestamps, receivedTimes, comma);
    }

    /** Validates one row and hands the result to {@code sink}. Returns true when it was accepted. */
    public boolean validate(String file, long line, String raw, String wellId, String varId, String timestamp,
                            String measure, String received, ReadingSink sink) {
        Fields f = new Fields(file, line, raw, trim(wellId), trim(varId), trim(timestamp), measure, trim(received));
        if (f.wellId == null) {
            return f.reject(sink, "well_id", RejectReason.MISSING_FIELD, "no well id");
        }
        if (!f.wellId.equals(lastGoodWell) && !WELL_ID.matcher(f.wellId).matches()) {
            return f.reject(sink, "well_id", RejectReason.BAD_WELL_ID,
                    "well id '" + RowReject.clip(f.wellId) + "' must be 1-64 letters, digits, '_', '.' or '-'");
        }
        lastGoodWell = f.wellId;
        if (f.varId == null) {
            return f.reject(sink, "var_id", RejectReason.MISSING_FIELD, "no SCADA variable id");
        }
        if (f.varId.length() > MAX_VAR_ID) {
            return f.reject(sink, "var_id", RejectReason.UNKNOWN_VARIABLE, "SCADA id longer than " + MAX_VAR_ID);
        }
        if (hasControlCharacter(f.varId)) {
            return f.reject(sink, "var_id", RejectReason.BAD_VAR_ID,
                    "SCADA id '" + RowReject.clip(f.varId) + "' holds a control character (NUL, escape, line break)");
        }
        if (f.timestamp == null) {
            return f.reject(sink, "timestamp_lectura", RejectReason.MISSING_FIELD, "no reading time");
        }
        Instant ts = timestamps.parse(f.timestamp);
        if (ts == null && timestamps.lastSkipped()) {
            return f.reject(sink, "timestamp_lectura", RejectReason.BAD_TIMESTAMP, "'" + RowReject.clip(f.timestamp)
                    + "' has no offset and names no instant in " + timestamps.zone() + ", whose clocks skip that hour"
                    + " when daylight saving time starts: write times with their offset, or set SOURCE_TIMEZONE to"
                    + " a fixed offset (e.g. -06:00) if the source's clock keeps standard time all year");
        }
        if (ts == null) {
            return f.reject(sink, "timestamp_lectura", RejectReason.BAD_TIMESTAMP,
                    "'" + RowReject.clip(f.timestamp) + "' is not an ISO-8601 time between 1900 and 2200");
        }
        // the batch places a time its zone's clock shows twice (RepeatedHour): here it names both instants
        Instant second = timestamps.lastRepeated();
        Reading.Repeated repeated = second == null ? null
                : new Reading.Repeated(second, f.timestamp, timestamps.zone());
        Instant receivedAt = null;
        if (f.received != null) {
            receivedAt = receivedTimes.parse(f.received);
            if (receivedAt == null) {
                return f.reject(sink, "source_received_at", RejectReason.BAD_TIMESTAMP,
                        "'" + RowReject.clip(f.received) + "' is not an ISO-8601 time between 1900 and 2200");
            }
        }
        if (measure == null || measure.isBlank()) {
            return f.reject(sink, "measure", RejectReason.MISSING_FIELD, "no value");
        }
        FieldNumber.Result value = FieldNumber.read(measure, commaIsDecimal);
        switch (value.kind()) {
            case NOT_FINITE:
                return f.reject(sink, "measure", RejectReason.NOT_FINITE,
                        "'" + RowReject.clip(value.normalized()) + "' is not a finite number");
            case AMBIGUOUS:
                return f.reject(sink, "measure", RejectReason.AMBIGUOUS_NUMBER, "'" + value.normalized()
                        + "': the comma could be a decimal or a thousands separator; write it with a dot");
            default:
                sink.accept(new Reading(line, f.wellId, f.varId, ts, value.normalized(), receivedAt,
                        value.isNumber(), repeated));
                return true;
        }
    }

    private static boolean hasControlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private record Fields(String file, long line, String raw, String wellId, String varId, String timestamp,
                          String measure, String received) {
        boolean reject(ReadingSink sink, String field, RejectReason reason, String detail) {
            sink.reject(new RowReject(file, line, field, raw, reason, detail, wellId, varId, timestamp, measure,
                    received));
            return false;
        }
    }
}
