package com.bp010.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The default window: the calendar days touched by production rows written since the last complete run (by
 * transaction id, see {@link Watermark}), never reaching back more than LOOKBACK_DAYS before asOf.
 */
final class WindowResolver {
    /** A default window and the watermark that produced it; {@code window} is empty when nothing is new. */
    record Resolution(Optional<RunWindow> window, Watermark watermark, long newRows) {
    }

    private static final String NEW_ROWS = """
            SELECT pg_snapshot_xmin(pg_current_snapshot())::text,
                   min(p.timestamp_lectura)::date,
                   max(p.timestamp_lectura)::date,
                   max(p.pivoted_at),
                   count(*)
              FROM stage.tbl_pozo_produccion p
             WHERE p.pivot_xid >= coalesce(?::xid8, '0'::xid8)
               AND (?::text IS NULL OR p.well_id = ?::text)
            """;

    private final RunLog runLog;
    private final int lookbackDays;

    WindowResolver(RunLog runLog, int lookbackDays) {
        this.runLog = runLog;
        this.lookbackDays = lookbackDays;
    }

    Resolution resolve(Connection c, String wellId, LocalDate asOfDate) throws SQLException {
        String since = runLog.lastWatermark(c);
        try (PreparedStatement ps = c.prepareStatement(NEW_ROWS)) {
            ps.setString(1, since);
            ps.setString(2, wellId);
            ps.setString(3, wellId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Watermark watermark = new Watermark(rs.getString(1), rs.getObject(4, OffsetDateTime.class));
                long rows = rs.getLong(5);
                LocalDate min = rs.getObject(2, LocalDate.class);
                LocalDate max = rs.getObject(3, LocalDate.class);
                if (rows == 0 || min == null) {
                    return new Resolution(Optional.empty(), watermark, 0);
                }
                LocalDate floor = asOfDate.minusDays(lookbackDays);
                LocalDate from = min.isBefore(floor) ? floor : min;
                if (max.isBefore(from)) {
                    return new Resolution(Optional.empty(), watermark, rows);
                }
                return new Resolution(Optional.of(new RunWindow(from, max)), watermark, rows);
            }
        }
    }
}
