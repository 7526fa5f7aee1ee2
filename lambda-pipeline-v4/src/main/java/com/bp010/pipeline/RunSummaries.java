package com.bp010.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The response's {@code dq} and {@code consistency} blocks, read back from what the phases wrote. */
final class RunSummaries {
    record DqSummary(long evaluated, long passed, long failed, long notEvaluated, Double score) {
    }

    record ConsistencySummary(long violations, Map<String, Long> byRule) {
    }

    private RunSummaries() {
    }

    /**
     * Before a DQ call worked in buckets of the wells ({@link WellBuckets}), which add their counts to the run's rows in
     * {@code stage.tbl_dq_run_summary}: the run's rows of an earlier try go, so that a retry counts once.
     */
    static void clearDqCounts(Connection c, UUID runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM stage.tbl_dq_run_summary WHERE run_id = ?")) {
            ps.setObject(1, runId);
            ps.executeUpdate();
        }
    }

    /**
     * After the buckets: what one DQ call over every well also writes, a row of zeros on the window's last day for each
     * rule that counted nothing (R__31, step 7).
     */
    static void completeDqCounts(Connection c, UUID runId, java.time.LocalDate lastDay) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO stage.tbl_dq_run_summary (run_id, rule_id, fecha, evaluated, passed, failed, not_evaluated)
                SELECT ?, r.rule_id, ?, 0, 0, 0, 0
                  FROM stage.vw_dq_reglas_resueltas r
                 WHERE NOT EXISTS (SELECT 1 FROM stage.tbl_dq_run_summary s WHERE s.run_id = ? AND s.rule_id = r.rule_id)
                ON CONFLICT (run_id, rule_id, fecha) DO NOTHING""")) {
            ps.setObject(1, runId);
            ps.setObject(2, lastDay);
            ps.setObject(3, runId);
            ps.executeUpdate();
        }
    }

    static DqSummary dq(Connection c, UUID runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT coalesce(sum(evaluated), 0), coalesce(sum(passed), 0), coalesce(sum(failed), 0),
                       coalesce(sum(not_evaluated), 0)
                  FROM stage.tbl_dq_run_summary
                 WHERE run_id = ?
                    -- a global run: the DQ of its well groups
                    OR run_id IN (SELECT g.run_id FROM reporting.pipeline_runs g WHERE g.global_run_id = ?)""")) {
            ps.setObject(1, runId);
            ps.setObject(2, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long evaluated = rs.getLong(1);
                long passed = rs.getLong(2);
                // rounded down, never up: a run with one failed check never shows 1.0 (100 %)
                Double score = evaluated == 0 ? null : Math.floor(passed * 1_000_000.0 / evaluated) / 1_000_000.0;
                return new DqSummary(evaluated, passed, rs.getLong(3), rs.getLong(4), score);
            }
        }
    }

    /**
     * Live violations per consistency rule, the user's (RC-nnn) and the project's cross-checks (VC-nnn) alike (every
     * loaded rule listed, zeros included), for one well or all.
     */
    static ConsistencySummary consistency(Connection c, String wellId) throws SQLException {
        Map<String, Long> byRule = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT r.codigo, count(v.codigo)
                  FROM referencial.vw_reglas_consistencia r
                  LEFT JOIN stage.tbl_consistency_results v
                         ON v.codigo = r.codigo AND v.vigente AND (?::text IS NULL OR v.well_id = ?::text)
                 GROUP BY r.codigo
                 ORDER BY r.codigo""")) {
            ps.setString(1, wellId);
            ps.setString(2, wellId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byRule.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        long total = byRule.values().stream().mapToLong(Long::longValue).sum();
        return new ConsistencySummary(total, byRule);
    }
}
