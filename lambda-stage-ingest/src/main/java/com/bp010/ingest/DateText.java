package com.bp010.ingest;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calendar dates as field files write them: ISO {@code 2024-05-31} (a time after it is ignored), {@code 2024/05/31},
 * day-first {@code 31/05/2024} or {@code 31-05-2024} (the Spanish convention of the seed's files, docs/SEED.md), and Excel serial
 * day numbers.
 */
final class DateText {
    private static final Pattern YMD = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})([T ].*)?");
    private static final Pattern DMY = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private DateText() {
    }

    /** The date, or null when the value is not one. */
    public static LocalDate parse(Object value) {
        try {
            if (value instanceof LocalDateTime ldt) {
                return ldt.toLocalDate();
            }
            if (value instanceof LocalDate d) {
                return d;
            }
            if (value instanceof BigDecimal serial) {
                return fromSerial(serial.doubleValue());
            }
            String t = value.toString().strip();
            Matcher m = YMD.matcher(t);
            if (m.matches()) {
                return plausible(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            }
            m = DMY.matcher(t);
            if (m.matches()) {
                return plausible(LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(1))));
            }
            return null;
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate fromSerial(double serial) {
        if (serial < 1 || serial > 200_000 || serial != Math.floor(serial)) {
            return null;
        }
        return plausible(EXCEL_EPOCH.plusDays((long) serial));
    }

    private static LocalDate plausible(LocalDate d) {
        return d.getYear() >= 1900 && d.getYear() <= 2200 ? d : null;
    }
}
