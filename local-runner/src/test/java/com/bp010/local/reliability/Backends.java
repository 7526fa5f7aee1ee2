package com.bp010.local.reliability;

import com.bp010.testsupport.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The server processes of one test database, seen from a session of the test: waits until some are blocked on a
 * lock, and terminates them. Only ever the backends of {@code pg_stat_activity} whose {@code datname} is this test's
 * own database (the server is shared), never the session asking.
 */
final class Backends {
    /** How long a wait for blocked backends may take before the test gives up (not an assertion on speed). */
    private static final long GIVE_UP_MILLIS = 60_000;

    private Backends() {
    }

    /**
     * Waits until {@code n} backends of the database wait on a lock of type {@code waitEvent} (relation, advisory;
     * null: any lock).
     */
    static List<Integer> awaitBlocked(TestDatabase db, Connection session, String waitEvent, int n) {
        long deadline = System.currentTimeMillis() + GIVE_UP_MILLIS;
        while (true) {
            List<Integer> pids = blocked(db, session, waitEvent);
            if (pids.size() >= n) {
                return pids;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("No " + n + " backend(s) of " + db.name() + " blocked on a "
                        + (waitEvent == null ? "any" : waitEvent) + " lock after " + GIVE_UP_MILLIS + " ms (found "
                        + pids + "); activity: " + activity(db, session));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static List<Integer> blocked(TestDatabase db, Connection session, String waitEvent) {
        // the session may be inside a transaction (holding a lock): its statistics snapshot would stay as first read
        try (Statement st = session.createStatement()) {
            st.execute("SELECT pg_stat_clear_snapshot()");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        try (PreparedStatement ps = session.prepareStatement("""
                SELECT pid FROM pg_stat_activity
                 WHERE datname = ? AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'
                   AND (? IS NULL OR wait_event = ?)
                 ORDER BY pid""")) {
            ps.setString(1, db.name());
            ps.setString(2, waitEvent);
            ps.setString(3, waitEvent);
            List<Integer> pids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pids.add(rs.getInt(1));
                }
            }
            return pids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the database's other backends are doing, for a failure message. */
    static String activity(TestDatabase db, Connection session) {
        try (PreparedStatement ps = session.prepareStatement("SELECT pid, state, wait_event_type, wait_event,"
                + " left(query, 120) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            ps.setString(1, db.name());
            StringBuilder out = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.append('[').append(rs.getInt(1)).append(' ').append(rs.getString(2)).append(' ')
                            .append(rs.getString(3)).append('/').append(rs.getString(4)).append(' ')
                            .append(rs.getString(5)).append("] ");
                }
            }
            return out.toString();
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    /** Terminates the given backends, each only if it still belongs to the test's database. */
    static int terminate(TestDatabase db, Connection session, List<Integer> pids) {
        int killed = 0;
        try (PreparedStatement ps = session.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE pid = ? AND datname = ? AND pid <> pg_backend_pid()")) {
            for (int pid : pids) {
                ps.setInt(1, pid);
                ps.setString(2, db.name());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        killed++;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return killed;
    }
}
