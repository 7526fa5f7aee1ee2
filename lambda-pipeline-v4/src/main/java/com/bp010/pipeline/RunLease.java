package com.bp010.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

/**
 * The run lease ({@code reporting.pipeline_lease}): at most one live holder. A run takes the lease when it is free,
 * expired (its holder died or froze), or already its own (the phases of one Step Functions execution); renews it as
 * phases finish; releases it at the end.
 */
final class RunLease {
    static final String NAME = "pipeline-v4";

    private static final String ACQUIRE = """
            INSERT INTO reporting.pipeline_lease AS l (lease_name, run_id, holder, acquired_at, renewed_at, expires_at)
            VALUES (?, ?, ?, clock_timestamp(), clock_timestamp(), clock_timestamp() + make_interval(secs => ?))
            ON CONFLICT (lease_name) DO UPDATE
               SET run_id = EXCLUDED.run_id, holder = EXCLUDED.holder,
                   acquired_at = CASE WHEN l.run_id = EXCLUDED.run_id THEN l.acquired_at ELSE EXCLUDED.acquired_at END,
                   renewed_at = EXCLUDED.renewed_at, expires_at = EXCLUDED.expires_at
             WHERE l.expires_at < clock_timestamp() OR l.run_id = EXCLUDED.run_id
            RETURNING run_id
            """;

    private final Duration ttl;

    RunLease(Duration ttl) {
        this.ttl = ttl;
    }

    /** True when {@code runId} now holds the lease. */
    boolean acquire(Connection c, UUID runId, String holder) throws SQLException {
        return acquire(c, NAME, runId, holder);
    }

    /** True when {@code runId} now holds lease {@code name} (the pipeline's, or a well group's: docs/SCALE.md §6). */
    boolean acquire(Connection c, String name, UUID runId, String holder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ACQUIRE)) {
            ps.setString(1, name);
            ps.setObject(2, runId);
            ps.setString(3, holder);
            ps.setLong(4, ttl.toSeconds());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Why a run that could not take lease {@code name} did nothing, and what to do: the live holder's run id, who holds
     * it and until when (a phase sent by hand keeps it for the phases that join its run; the lease ends with the run or
     * at its expiry). Starts with "another pipeline run holds the lease".
     */
    String heldBy(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT l.run_id, l.holder,"
                + " to_char(l.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
                + " (SELECT string_agg(f.fase, ', ' ORDER BY f.started_at) FROM reporting.pipeline_run_phases f"
                + "   WHERE f.run_id = l.run_id AND f.status = 'OK')"
                + " FROM reporting.pipeline_lease l WHERE l.lease_name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return "another pipeline run holds the lease";
                }
                String run = rs.getString(1);
                String done = rs.getString(4);
                return "another pipeline run holds the lease: run " + run + " (" + rs.getString(2) + ", phases done: "
                        + (done == null ? "none yet" : done) + ") until " + rs.getString(3) + "; this invocation did"
                        + " nothing. Let that run end (a phase sent by hand keeps the lease for the phases that join its"
                        + " run: send each phase not done as {\"phase\": \"<PHASE>\", \"runId\": \"" + run
                        + "\"}), or wait until the lease expires, then invoke again";
            }
        }
    }

    void renew(Connection c, UUID runId) throws SQLException {
        renew(c, NAME, runId);
    }

    void renew(Connection c, String name, UUID runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE reporting.pipeline_lease SET renewed_at = clock_timestamp(),"
                + " expires_at = clock_timestamp() + make_interval(secs => ?) WHERE lease_name = ? AND run_id = ?")) {
            ps.setLong(1, ttl.toSeconds());
            ps.setString(2, name);
            ps.setObject(3, runId);
            ps.executeUpdate();
        }
    }

    void release(Connection c, UUID runId) throws SQLException {
        release(c, NAME, runId);
    }

    void release(Connection c, String name, UUID runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM reporting.pipeline_lease WHERE lease_name = ? AND run_id = ?")) {
            ps.setString(1, name);
            ps.setObject(2, runId);
            ps.executeUpdate();
        }
    }
}
