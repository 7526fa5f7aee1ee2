package com.bp010.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The default window: the calendar days touched by production rows that the last complete run could not see (by
 * transaction, see {@link Watermark}), never reaching back more than LOOKBACK_DAYS before asOf.
 */
final class WindowResolver {
    /** A default window and the watermark that produced it; {@code window} is empty when nothing is new. */
    record Resolution(Optional<RunWindow> window, Watermark watermark, long newRows, String since) {
    }

    private static final String NEW_ROWS = """
            SELECT pg_current_snapshot()::text,
                   min(p.timestamp_lectura)::date,
                   max(p.timestamp_lectura)::date,
                   max(p.pivoted_at),
                   count(*)
              FROM stage.tbl_pozo_produccion p
             WHERE (?::pg_snapshot IS NULL
                    OR (p.pivot_xid >= pg_snapshot_xmin(?::pg_snapshot)
                        AND NOT pg_visible_in_snapshot(p.pivot_xid, ?::pg_snapshot)))
               AND (?::text IS NULL OR p.well_id = ?::text)
               AND reporting.fnc_en_grupo(p.well_id, ?::text)
            """;

    // the window's days are calendar days in the session's time zone (BP010_TIMEZONE), as the engine reads them
    private static final String WINDOW_HAS_READINGS = """
            SELECT EXISTS (SELECT 1 FROM stage.tbl_pozo_produccion p
                            WHERE p.timestamp_lectura >= ?::date::timestamptz
                              AND p.timestamp_lectura < (?::date + 1)::timestamptz
                              AND (?::text IS NULL OR p.well_id = ?::text))
            """;
    private static final String READINGS_SPAN = """
            SELECT min(p.timestamp_lectura)::date, max(p.timestamp_lectura)::date FROM stage.tbl_pozo_produccion p
            """;

    private final RunLog runLog;
    private final int lookbackDays;

    WindowResolver(RunLog runLog, int lookbackDays) {
        this.runLog = runLog;
        this.lookbackDays = lookbackDays;
    }

    /** The first day a default window may cover: LOOKBACK_DAYS before asOf. */
    LocalDate floor(LocalDate asOfDate) {
        return asOfDate.minusDays(lookbackDays);
    }

    /**
     * An explicit window without a pivoted reading (of {@code wellId}, when given) computes nothing, and answers OK all
     * the same: a mistyped year or a well's wrong window would look like success. The note says so and names the days
     * that do hold readings (or that none were ingested yet), for the response's {@code message} and the log; empty
     * when the window holds a reading. An index probe, and two index ends when it holds none.
     */
    Optional<String> emptyWindowNote(Connection c, RunWindow window, String wellId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(WINDOW_HAS_READINGS)) {
            ps.setObject(1, window.from());
            ps.setObject(2, window.to());
            ps.setString(3, wellId);
            ps.setString(4, wellId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return Optional.empty();
                }
            }
        }
        String whose = wellId == null ? "" : " for well " + wellId;
        try (PreparedStatement ps = c.prepareStatement(READINGS_SPAN + (wellId == null ? "" : " WHERE p.well_id = ?"))) {
            if (wellId != null) {
                ps.setString(1, wellId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                LocalDate first = rs.getObject(1, LocalDate.class);
                LocalDate last = rs.getObject(2, LocalDate.class);
                String none = "no SCADA reading in the window " + window.from() + " .. " + window.to() + whose
                        + " (calendar days in BP010_TIMEZONE): there was nothing to compute; ";
                return Optional.of(first == null
                        ? none + "no reading" + whose + " has been ingested yet: load telemetry first (the stage"
                                + " function, or bp010 invoke stage)"
                        : none + "the readings" + whose + " span " + first + " .. " + last
                                + ": give fechaInicio and fechaFin within them, or leave both out for the new readings");
            }
        }
    }

    Resolution resolve(Connection c, String wellId, LocalDate asOfDate) throws SQLException {
        return resolve(c, wellId, null, asOfDate);
    }

    /**
     * For one well, a well group ({@link WellGroup#setting()}: its own watermark and wells), or all (both null). Run it
     * in a transaction: the new rows are counted without parallel workers ({@code SET LOCAL}); they are an index range
     * on {@code pivot_xid}, and starting two workers cost more than the scan (docs/BENCHMARKS.md, branch {@code dq4}).
     */
    Resolution resolve(Connection c, String wellId, String group, LocalDate asOfDate) throws SQLException {
        String since = runLog.lastWatermark(c, group);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT set_config('max_parallel_workers_per_gather', '0', true)")) {
            ps.execute();
        }
        try (PreparedStatement ps = c.prepareStatement(NEW_ROWS)) {
            ps.setString(1, since);
            ps.setString(2, since);
            ps.setString(3, since);
            ps.setString(4, wellId);
            ps.setString(5, wellId);
            ps.setString(6, group);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Watermark watermark = new Watermark(rs.getString(1), rs.getObject(4, OffsetDateTime.class));
                long rows = rs.getLong(5);
                LocalDate min = rs.getObject(2, LocalDate.class);
                LocalDate max = rs.getObject(3, LocalDate.class);
                if (rows == 0 || min == null) {
                    return new Resolution(Optional.empty(), watermark, 0, since);
                }
                LocalDate floor = floor(asOfDate);
                LocalDate from = min.isBefore(floor) ? floor : min;
                if (max.isBefore(from)) {
                    return new Resolution(Optional.empty(), watermark, rows, since);
                }
                return new Resolution(Optional.of(new RunWindow(from, max)), watermark, rows, since);
            }
        }
    }
}
