package com.bp010.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Landing merges run one at a time (a transaction-level advisory lock, held to commit), so concurrent invocations on
 * overlapping readings cannot deadlock each other; taken before the batch log is checked, so of two deliveries of the
 * same object the second sees the first's committed batch. With it, the batch's memory settings.
 */
final class MergeLock {
    /** Arbitrary constant: the advisory lock of the landing merge. */
    private static final long MERGE_LOCK = 0x62703031_0022L;
    /** Memory for the merge and pivot of one batch, this transaction only. */
    private static final String WORK_MEM = "256MB";

    private MergeLock() {
    }

    static void take(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT pg_advisory_xact_lock(" + MERGE_LOCK + ")");
            // the pivot's hash aggregate holds a batch's (well, timestamp) groups: keep it in memory (a million
            // readings need about 100 MB) instead of spilling; JIT compiling 65 aggregates costs more than it saves
            st.execute("SET LOCAL work_mem = '" + WORK_MEM + "'");
            st.execute("SET LOCAL jit = off");
        }
    }
}
