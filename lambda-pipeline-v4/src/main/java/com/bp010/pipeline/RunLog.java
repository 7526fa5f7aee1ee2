package com.bp010.pipeline;

import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;
import com.bp010.db.Json;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** {@code reporting.pipeline_runs} and {@code pipeline_run_phases}: the run log, and through it the watermark. */
final class RunLog {
    /** A run as stored: enough to join it from a later invocation. */
    record StoredRun(UUID runId, String status, RunWindow window, String wellId, OffsetDateTime asOf, String group,
                     UUID globalRunId, OffsetDateTime startedAt) {
    }

    void open(Connection c, RunContext run, String status, String trigger, Set<Phase> phases, Watermark watermark)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO reporting.pipeline_runs (run_id, status, trigger, ventana_desde, ventana_hasta, well_id,
                       as_of, fases, pivot_watermark, pivot_snapshot, grupo)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::pg_snapshot, ?)""")) {
            ps.setObject(1, run.runId());
            ps.setString(2, status);
            ps.setString(3, trigger);
            ps.setObject(4, run.window() == null ? null : run.window().from(), Types.DATE);
            ps.setObject(5, run.window() == null ? null : run.window().to(), Types.DATE);
            ps.setString(6, run.wellId());
            ps.setObject(7, run.asOfTimestamp());
            ps.setArray(8, c.createArrayOf("text", phases.stream().map(Enum::name).toArray()));
            ps.setObject(9, watermark == null ? null : watermark.pivotedAt());
            ps.setString(10, watermark == null ? null : watermark.snapshot());
            ps.setString(11, run.group());
            ps.executeUpdate();
        }
    }

    /**
     * Closes the runs left {@code RUNNING} that no live lease keeps (a phase sent by hand that no other phase joined, a
     * holder that died): {@code FAILED}, their {@code error} ({@code "code": "ABANDONED"}) saying so and what to do,
     * {@code finished_at} their last activity, and their phases left {@code RUNNING} likewise. A run whose lease is
     * still held (a Step Functions execution between two phases) is never touched, nor is {@code byRun}. Called by a
     * run that just took a lease, so a run log never shows a run "running" for days. A closed run can still be joined
     * by its runId (the join sets it RUNNING again). Returns the runs closed.
     */
    java.util.List<UUID> closeAbandoned(Connection c, UUID byRun) throws SQLException {
        String message = "never completed: its lease expired with the run open (a phase sent by hand that no other"
                + " phase joined, or a holder that stopped); closed by run " + byRun + ". Its phases marked OK did"
                + " commit; the next default run recomputes what changed since the last complete run, or send each"
                + " phase not done as {\"phase\": \"<PHASE>\", \"runId\": \"<this run>\"}";
        try (PreparedStatement ps = c.prepareStatement("""
                WITH left_open AS (
                    SELECT r.run_id, greatest(r.started_at, (SELECT max(greatest(p.started_at, p.finished_at))
                                                               FROM reporting.pipeline_run_phases p
                                                              WHERE p.run_id = r.run_id)) AS last_seen
                      FROM reporting.pipeline_runs r
                     WHERE r.status = 'RUNNING' AND r.run_id <> ?
                       AND NOT EXISTS (SELECT 1 FROM reporting.pipeline_lease l
                                        WHERE l.run_id = r.run_id AND l.expires_at >= clock_timestamp())
                       FOR UPDATE OF r SKIP LOCKED),
                report AS (
                    SELECT jsonb_build_object('status', 'FAILED', 'code', 'ABANDONED', 'closedBy', ?::text,
                                              'retryable', false, 'message', ?::text) AS error),
                phases AS (
                    UPDATE reporting.pipeline_run_phases p
                       SET status = 'FAILED', finished_at = p.started_at, error = (SELECT error FROM report)
                     WHERE p.status = 'RUNNING' AND p.run_id IN (SELECT run_id FROM left_open))
                UPDATE reporting.pipeline_runs r
                   SET status = 'FAILED', finished_at = o.last_seen,
                       duration_ms = (extract(epoch FROM o.last_seen - r.started_at) * 1000)::bigint,
                       error = (SELECT error FROM report)
                  FROM left_open o
                 WHERE r.run_id = o.run_id
                RETURNING r.run_id""")) {
            ps.setObject(1, byRun);
            ps.setString(2, byRun.toString());
            ps.setString(3, message);
            java.util.List<UUID> closed = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    closed.add(rs.getObject(1, UUID.class));
                }
            }
            return closed;
        }
    }

    Optional<StoredRun> find(Connection c, UUID runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT status, ventana_desde, ventana_hasta, well_id, as_of, grupo, global_run_id, started_at
                  FROM reporting.pipeline_runs WHERE run_id = ?""")) {
            ps.setObject(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                LocalDate from = rs.getObject(2, LocalDate.class);
                LocalDate to = rs.getObject(3, LocalDate.class);
                return Optional.of(new StoredRun(runId, rs.getString(1), from == null ? null : new RunWindow(from, to),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class), rs.getString(6),
                        rs.getObject(7, UUID.class), rs.getObject(8, OffsetDateTime.class)));
            }
        }
    }

    void setStatus(Connection c, UUID runId, String status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE reporting.pipeline_runs SET status = ?, finished_at = NULL, error = NULL WHERE run_id = ?")) {
            ps.setString(1, status);
            ps.setObject(2, runId);
            ps.executeUpdate();
        }
    }

    void phaseStarted(Connection c, UUID runId, Phase phase) throws SQLException {
        phaseStarted(c, runId, phase.name());
    }

    /** {@code phase}: a phase's name, or GLOBAL (the global steps after the well groups). */
    void phaseStarted(Connection c, UUID runId, String phase) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO reporting.pipeline_run_phases (run_id, fase, status, started_at)
                VALUES (?, ?, 'RUNNING', clock_timestamp())
                ON CONFLICT (run_id, fase) DO UPDATE SET status = 'RUNNING', started_at = clock_timestamp(),
                       finished_at = NULL, duration_ms = NULL, calls = NULL, error = NULL,
                       -- the retry of a phase that ran out of time resumes where it stopped; any other rerun of the
                       -- phase recomputes its whole window
                       hecho_hasta = CASE WHEN pipeline_run_phases.error ->> 'code' = 'TIME_BUDGET'
                                          THEN pipeline_run_phases.hecho_hasta END,
                       tramos_hechos = CASE WHEN pipeline_run_phases.error ->> 'code' = 'TIME_BUDGET'
                                            THEN pipeline_run_phases.tramos_hechos ELSE 0 END""")) {
            ps.setObject(1, runId);
            ps.setString(2, phase);
            ps.executeUpdate();
        }
    }

    void phaseFinished(Connection c, UUID runId, PhaseReport report, Bp010Exception error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE reporting.pipeline_run_phases
                   SET status = ?, finished_at = clock_timestamp(), duration_ms = ?, calls = ?::jsonb, error = ?::jsonb
                 WHERE run_id = ? AND fase = ?""")) {
            ps.setString(1, report.status());
            ps.setLong(2, report.durationMs());
            ps.setString(3, json(report.calls()));
            ps.setString(4, error == null ? null : error.failureReport().toString());
            ps.setObject(5, runId);
            ps.setString(6, report.phase());
            ps.executeUpdate();
        }
    }

    /** The last day a chunked phase of this run committed (its resume point), or null: start from the window's start. */
    LocalDate resumePoint(Connection c, UUID runId, Phase phase) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT hecho_hasta FROM reporting.pipeline_run_phases WHERE run_id = ? AND fase = ?")) {
            ps.setObject(1, runId);
            ps.setString(2, phase.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, LocalDate.class) : null;
            }
        }
    }

    /** In the chunk's own transaction: the phase has committed everything up to {@code doneUntil}. */
    void chunkDone(Connection c, UUID runId, Phase phase, LocalDate doneUntil) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE reporting.pipeline_run_phases SET hecho_hasta = ?, tramos_hechos = tramos_hechos + 1
                 WHERE run_id = ? AND fase = ?""")) {
            ps.setObject(1, doneUntil);
            ps.setObject(2, runId);
            ps.setString(3, phase.name());
            if (ps.executeUpdate() != 1) {
                throw new Bp010Exception(ErrorCode.INTERNAL, "No run log row for phase " + phase + " of run " + runId
                        + " to record its progress in").with("runId", runId.toString());
            }
        }
    }

    /** Whether this run's {@code phase} finished OK (in this invocation or an earlier one). */
    boolean phaseCompleted(Connection c, UUID runId, Phase phase) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM reporting.pipeline_run_phases WHERE run_id = ? AND fase = ? AND status = 'OK'")) {
            ps.setObject(1, runId);
            ps.setString(2, phase.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    void finish(Connection c, UUID runId, String status, Object dq, Object consistency, Bp010Exception error)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE reporting.pipeline_runs
                   SET status = ?, finished_at = clock_timestamp(),
                       duration_ms = (extract(epoch FROM clock_timestamp() - started_at) * 1000)::bigint,
                       dq = ?::jsonb, consistency = ?::jsonb, error = ?::jsonb
                 WHERE run_id = ?""")) {
            ps.setString(1, status);
            ps.setString(2, dq == null ? null : json(dq));
            ps.setString(3, consistency == null ? null : json(consistency));
            ps.setString(4, error == null ? null : error.failureReport().toString());
            ps.setObject(5, runId);
            ps.executeUpdate();
        }
    }

    /**
     * The watermark: {@code pivot_snapshot} of the newest run that covered all wells, ran all five phases OK and had a
     * default window. Null when there is none (a first run covers all history within LOOKBACK_DAYS).
     */
    String lastWatermark(Connection c) throws SQLException {
        return lastWatermark(c, null);
    }

    /**
     * The watermark of a well group ({@code group} = its setting; null: the plain one above): the snapshot of the newest
     * run that covered all the group's wells completely, either a plain complete run or a run of this group whose
     * global run (ENRICH, DEFAULTS, CONSISTENCY over every group's scope) completed.
     */
    String lastWatermark(Connection c, String group) throws SQLException {
        if (group != null) {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT g.pivot_snapshot::text, g.started_at
                      FROM reporting.pipeline_runs g
                      JOIN reporting.pipeline_runs r ON r.run_id = g.global_run_id AND r.status = 'OK'
                     WHERE g.grupo = ? AND g.status = 'OK' AND g.pivot_snapshot IS NOT NULL
                    UNION ALL
                    SELECT r.pivot_snapshot::text, r.started_at
                      FROM reporting.pipeline_runs r
                     WHERE r.status = 'OK' AND r.pivot_snapshot IS NOT NULL AND r.well_id IS NULL AND r.grupo IS NULL
                       AND (SELECT count(*) FROM reporting.pipeline_run_phases p
                             WHERE p.run_id = r.run_id AND p.status = 'OK') = 5
                     ORDER BY 2 DESC
                     LIMIT 1""")) {
                ps.setString(1, group);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT r.pivot_snapshot::text
                  FROM reporting.pipeline_runs r
                 WHERE r.status = 'OK' AND r.pivot_snapshot IS NOT NULL AND r.well_id IS NULL
                   AND (SELECT count(*) FROM reporting.pipeline_run_phases p
                         WHERE p.run_id = r.run_id AND p.status = 'OK') = 5
                 ORDER BY r.started_at DESC
                 LIMIT 1""");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new Bp010Exception(ErrorCode.INTERNAL, "Cannot serialise run log entry: " + e.getMessage(), e);
        }
    }
}
