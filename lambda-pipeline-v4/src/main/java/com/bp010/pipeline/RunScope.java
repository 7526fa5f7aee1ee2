package com.bp010.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The scope of an incremental (default-window) run: per well, the hour ranges the readings pivoted since the last
 * complete run can change, written once in {@code reporting.pipeline_run_alcance} (R__25) so that every phase, in
 * this invocation or a later one, restricts itself to it through the run id. The run's window becomes the days the
 * scope touches. See docs/AGGREGATION.md, "Incremental runs".
 */
final class RunScope {
    /** What a scope covers: wells, disjoint hour ranges and the calendar days they touch. */
    record Extent(long wells, long ranges, RunWindow window) {
    }

    /**
     * A registered scope (empty: nothing to recompute after the lookback floor) and the days of the recomputation
     * marks it took that lie before that floor, which only an explicit window can recompute (null: none).
     */
    record Registration(java.util.Optional<Extent> scope, RunWindow rerun) {
    }

    private RunScope() {
    }

    /**
     * Writes the scope of {@code runId} (its run-log row must exist) from the rows not visible in snapshot
     * {@code since} (null: every row), for one well or all, never before {@code floor}; and sets the run's window to
     * the days it covers. Empty when nothing new lies after the floor.
     */
    static Registration register(Connection c, UUID runId, String since, String wellId, LocalDate floor)
            throws SQLException {
        return register(c, runId, since, wellId, null, floor);
    }

    /** As above, for the wells of a group ({@link WellGroup#setting()}, null: every well) in this transaction. */
    static Registration register(Connection c, UUID runId, String since, String wellId, String group,
                                 LocalDate floor) throws SQLException {
        if (group != null) {
            inGroup(c, group);
        }
        RunWindow rerun = null;
        Extent extent = null;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM reporting.fnc_registrar_alcance(?, ?::pg_snapshot, ?, ?::date::timestamptz)")) {
            ps.setObject(1, runId);
            ps.setString(2, since);
            ps.setString(3, wellId);
            ps.setObject(4, floor);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                LocalDate from = rs.getObject(3, LocalDate.class);
                if (from != null) {
                    extent = new Extent(rs.getLong(1), rs.getLong(2),
                            new RunWindow(from, rs.getObject(4, LocalDate.class)));
                }
                LocalDate rerunFrom = rs.getObject(5, LocalDate.class);
                if (rerunFrom != null) {
                    rerun = new RunWindow(rerunFrom, rs.getObject(6, LocalDate.class));
                }
            }
        }
        if (extent != null) {
            setWindow(c, runId, extent);
        }
        return new Registration(java.util.Optional.ofNullable(extent), rerun);
    }

    /**
     * The global run after a run's well groups: its scope is the union of theirs (disjoint by well), its window the
     * days they cover, and it is dated from the earliest group (so that closing it takes only the recomputation marks
     * every group saw). Empty when no group had anything to recompute.
     */
    static java.util.Optional<Extent> union(Connection c, UUID runId, java.util.List<UUID> groupRuns,
                                            java.util.List<UUID> idleGroupRuns) throws SQLException {
        UUID[] groups = groupRuns.toArray(new UUID[0]);
        // the groups that had nothing to recompute are taken too: the marks they took (none of their wells' days)
        // count as covered when this run closes
        java.util.List<UUID> taken = new java.util.ArrayList<>(groupRuns);
        taken.addAll(idleGroupRuns);
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO reporting.pipeline_run_alcance (run_id, well_id, desde, hasta, dia_desde, dia_hasta,
                                                            horas_nuevas)
                SELECT ?, a.well_id, a.desde, a.hasta, a.dia_desde, a.dia_hasta, a.horas_nuevas
                  FROM reporting.pipeline_run_alcance a
                 WHERE a.run_id = ANY (?)""")) {
            ps.setObject(1, runId);
            ps.setArray(2, c.createArrayOf("uuid", groups));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE reporting.pipeline_runs SET global_run_id = ? WHERE run_id = ANY (?)")) {
            ps.setObject(1, runId);
            ps.setArray(2, c.createArrayOf("uuid", taken.toArray(new UUID[0])));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE reporting.pipeline_runs
                   SET started_at = coalesce((SELECT min(g.started_at) FROM reporting.pipeline_runs g
                                               WHERE g.run_id = ANY (?)), started_at)
                 WHERE run_id = ?""")) {
            ps.setArray(1, c.createArrayOf("uuid", groups));
            ps.setObject(2, runId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT count(DISTINCT a.well_id), count(*), min(a.dia_desde), max(a.dia_hasta)
                  FROM reporting.pipeline_run_alcance a WHERE a.run_id = ?""")) {
            ps.setObject(1, runId);
            return recorded(c, runId, ps);
        }
    }

    /**
     * Reads a scope's figures (wells, ranges, first day, last day) from the query's one row and records its window on
     * the run; empty when the scope has no day.
     */
    private static java.util.Optional<Extent> recorded(Connection c, UUID runId, PreparedStatement query)
            throws SQLException {
        Extent extent;
        try (ResultSet rs = query.executeQuery()) {
            rs.next();
            LocalDate from = rs.getObject(3, LocalDate.class);
            if (from == null) {
                return java.util.Optional.empty();
            }
            extent = new Extent(rs.getLong(1), rs.getLong(2), new RunWindow(from, rs.getObject(4, LocalDate.class)));
        }
        setWindow(c, runId, extent);
        return java.util.Optional.of(extent);
    }

    /** Restricts the procedures of this transaction to a well group (the setting {@code bp010.grupo}, R__25). */
    static void inGroup(Connection c, String group) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('bp010.grupo', ?, true)")) {
            ps.setString(1, group);
            ps.execute();
        }
    }

    private static void setWindow(Connection c, UUID runId, Extent extent) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE reporting.pipeline_runs SET ventana_desde = ?, ventana_hasta = ? WHERE run_id = ?")) {
            ps.setObject(1, extent.window().from());
            ps.setObject(2, extent.window().to());
            ps.setObject(3, runId);
            ps.executeUpdate();
        }
    }

    /**
     * What waits for the next default run of this well or all (besides new readings): recomputation marks
     * ({@code reporting.recalculo_pendiente}: a catalogue or well-master change, whose days a run recomputes) and
     * dimension marks ({@code reporting.dimensiones_pendientes}: an edit of the well master, the limits or the KPI
     * targets, which the targets sync applies).
     */
    record Pending(boolean marks, boolean dimensions) {
    }

    /** Both kinds of marks (one statement: two probes of tables that are empty in the idle hour). */
    static Pending pending(Connection c, String wellId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT reporting.fnc_hay_pendientes(?), reporting.fnc_dimensiones_pendientes(?)")) {
            ps.setString(1, wellId);
            ps.setString(2, wellId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Pending(rs.getBoolean(1), rs.getBoolean(2));
            }
        }
    }

    /** Whether dimension marks (an edit the targets sync applies) wait for this well or all. */
    static boolean dimensionsPending(Connection c, String wellId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT reporting.fnc_dimensiones_pendientes(?)")) {
            ps.setString(1, wellId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /**
     * Whether run {@code runId} is an incremental run whose scope holds no new hour: only days and months that ended
     * since they were written ({@link #periodsEnded}), aggregated again without a new reading or a recomputation mark
     * (those give their hours, {@code horas_nuevas}). The no-new-data alarm counts such a run as idle.
     */
    static boolean onlyEndedPeriods(Connection c, UUID runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM reporting.pipeline_run_alcance a"
                + " WHERE a.run_id = ?) AND NOT EXISTS (SELECT 1 FROM reporting.pipeline_run_alcance a"
                + " WHERE a.run_id = ? AND (a.horas_nuevas IS NULL OR NOT isempty(a.horas_nuevas)))")) {
            ps.setObject(1, runId);
            ps.setObject(2, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /**
     * Whether a day or month written while in progress has ended since (or a row's completeness otherwise differs from
     * what as-of {@code asOf} gives: reporting.fnc_periodos_vencidos, R__25), for this well or all: the run then
     * aggregates those periods again, though no reading of theirs is new. {@code since}: the last complete run's
     * snapshot (null: none, every reading is new).
     */
    static boolean periodsEnded(Connection c, String wellId, java.time.Instant asOf, String since, LocalDate floor)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM reporting.fnc_periodos_vencidos("
                + "?, ?, ?::pg_snapshot, ?::date::timestamptz))")) {
            ps.setString(1, wellId);
            ps.setObject(2, java.time.OffsetDateTime.ofInstant(asOf, java.time.ZoneOffset.UTC));
            ps.setString(3, since);
            ps.setObject(4, floor);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /**
     * A completed run (or one that found nothing to recompute after the lookback floor) deletes the recomputation
     * marks it took when it opened, a global run those its groups' runs took.
     */
    static void close(Connection c, UUID runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("CALL reporting.sp_cerrar_alcance(?)")) {
            ps.setObject(1, runId);
            ps.execute();
        }
    }
}
