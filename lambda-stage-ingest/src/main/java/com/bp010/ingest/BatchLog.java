package com.bp010.ingest;

import com.bp010.db.Json;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;
import java.util.UUID;

/** {@code stage.ingest_batches}: one row per batch (file, S3 object, API window, replay) with what came of it. */
final class BatchLog {
    private BatchLog() {
    }

    /** The batch that already loaded this exact content from this location, or null. */
    static UUID loadedBefore(Connection c, String location, String sha256) throws SQLException {
        if (location == null || sha256 == null) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT batch_id FROM stage.ingest_batches
                 WHERE location = ? AND content_sha256 = ? AND status IN ('OK', 'REJECTED')
                 ORDER BY started_at LIMIT 1""")) {
            ps.setString(1, location);
            ps.setString(2, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? (UUID) rs.getObject(1) : null;
            }
        }
    }

    static void record(Connection c, FileResult r, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO stage.ingest_batches (batch_id, source, location, content_sha256, format, status,
                    rows_read, rows_inserted, rows_duplicate, rows_revised, rows_rejected, pivoted_rows,
                    started_at, finished_at, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now() - make_interval(secs => ? / 1000.0),
                        clock_timestamp(), ?::jsonb)
                ON CONFLICT (batch_id) DO NOTHING""")) {
            FileResult.Counts n = r.counts();
            FileResult.Notes notes = r.notes();
            ps.setObject(1, r.batchId());
            ps.setString(2, r.origin().source());
            ps.setString(3, r.origin().location());
            ps.setString(4, sha256);
            ps.setString(5, r.origin().format());
            ps.setString(6, r.status().name());
            ps.setLong(7, n.rowsRead());
            ps.setLong(8, n.rowsInserted());
            ps.setLong(9, n.rowsDuplicate());
            ps.setLong(10, n.rowsRevised());
            ps.setLong(11, n.rowsRejected());
            ps.setLong(12, n.pivotedRows());
            ps.setLong(13, r.durationMs());
            Map<String, Object> detail = new java.util.LinkedHashMap<>();
            detail.put("rejectsByReason", n.rejectsByReason());
            if (notes.error() != null) {
                detail.put("error", notes.error());
            }
            if (notes.duplicateOf() != null) {
                detail.put("duplicateOf", notes.duplicateOf().toString());
            }
            if (!notes.ignoredColumns().isEmpty()) {
                detail.put("ignoredColumns", notes.ignoredColumns());
            }
            try {
                ps.setString(14, Json.mapper().writeValueAsString(detail));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                ps.setNull(14, Types.VARCHAR);
            }
            ps.executeUpdate();
        }
    }
}
