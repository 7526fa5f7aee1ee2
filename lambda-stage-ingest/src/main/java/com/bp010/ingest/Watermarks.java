package com.bp010.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * {@code stage.ingest_watermark}: per source, how far it has been read. Written inside the batch's transaction, so it
 * moves only when the batch commits; it never moves back.
 */
final class Watermarks {
    private Watermarks() {
    }

    static Instant read(Connection c, String source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT last_timestamp FROM stage.ingest_watermark WHERE source = ?")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getTimestamp(1).toInstant() : null;
            }
        }
    }

    static Instant advance(Connection c, String source, Instant to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO stage.ingest_watermark AS w (source, last_timestamp, updated_at) VALUES (?, ?, now())
                ON CONFLICT (source) DO UPDATE
                   SET last_timestamp = GREATEST(w.last_timestamp, EXCLUDED.last_timestamp), updated_at = now()
                RETURNING last_timestamp""")) {
            ps.setString(1, source);
            ps.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1).toInstant();
            }
        }
    }
}
