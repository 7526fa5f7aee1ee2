package com.bp010.db;

import java.time.ZoneId;
import java.util.Set;

/**
 * The field's time zone ({@code BP010_TIMEZONE}): a name of the IANA time-zone database that both Java and
 * PostgreSQL read the same way (offsets such as {@code +05:00} or {@code UTC+5} are refused: PostgreSQL reads POSIX
 * offsets with the opposite sign). Calendar days, daily facts and windows are days in this zone; the pool applies it
 * to every session with {@link #sessionSql()}.
 */
public record FieldTimeZone(ZoneId zone) {
    private static final Set<String> KNOWN = ZoneId.getAvailableZoneIds();

    public static final FieldTimeZone UTC = new FieldTimeZone(ZoneId.of("UTC"));

    /** Parses {@code value} read from {@code variable}; a value that is not a zone name is a CONFIGURATION error. */
    public static FieldTimeZone parse(String variable, String value) {
        String name = value == null ? "" : value.strip();
        if (!KNOWN.contains(name)) {
            throw new Bp010Exception(ErrorCode.CONFIGURATION, variable + " '" + value + "' is not a time zone name of"
                    + " the IANA database: use a name such as America/Bogota, Asia/Kolkata or UTC")
                    .with("variable", variable);
        }
        return new FieldTimeZone(ZoneId.of(name));
    }

    /** The zone's name, e.g. {@code America/Bogota}. */
    public String name() {
        return zone.getId();
    }

    /** The statement that makes a session use this zone (run on every new pooled connection). */
    public String sessionSql() {
        return "SET TIME ZONE '" + name().replace("'", "''") + "'";
    }

    @Override
    public String toString() {
        return name();
    }
}
