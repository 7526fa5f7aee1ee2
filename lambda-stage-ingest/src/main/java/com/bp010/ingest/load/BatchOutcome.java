package com.bp010.ingest.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

/**
 * The common end of every batch, inside its transaction: merge the staged readings into landing and pivot the rows
 * the batch inserted or changed (one statement), move the source's watermark. Merges run one at a time (a transaction-level advisory lock), so
 * concurrent invocations on overlapping readings cannot deadlock each other.
 */
final class BatchOutcome {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BatchOutcome.class);
    /** Arbitrary constant: the advisory lock of the landing merge. */
    private static final long MERGE_LOCK = 0x62703031_0022L;
    /** Memory for the merge and pivot of one batch, this transaction only. */
    private static final String WORK_MEM = "256MB";

    final MergeCounts merge;
    final long pivoted;
    final Instant watermark;

    private BatchOutcome(MergeCounts merge, long pivoted, Instant watermark) {
        this.merge = merge;
        this.pivoted = pivoted;
        this.watermark = watermark;
    }

    /**
     * Takes the merge lock (transaction-level, held to commit, re-entrant) and the batch's settings. Taken before the
     * batch log is checked, so of two deliveries of the same object the second sees the first's committed batch.
     */
    static void lock(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT pg_advisory_xact_lock(" + MERGE_LOCK + ")");
            // the pivot's hash aggregate holds a batch's (well, timestamp) groups: keep it in memory (a million
            // readings need about 100 MB) instead of spilling; JIT compiling 65 aggregates costs more than it saves
            st.execute("SET LOCAL work_mem = '" + WORK_MEM + "'");
            st.execute("SET LOCAL jit = off");
        }
    }

    /** The same batch with the readings the bulk path landed and pivoted itself counted in. */
    BatchOutcome plusLanded(long landed, long pivotedRows) {
        MergeCounts m = new MergeCounts(merge.inserted() + landed, merge.duplicate(), merge.revised(),
                merge.rejected(), merge.pivoted() + pivotedRows, merge.rejectsByReason());
        return new BatchOutcome(m, pivoted + pivotedRows, watermark);
    }

    /**
     * @param watermarkTo where the source's watermark moves (null: to the newest reading of the batch, if any)
     */
    static BatchOutcome finish(Connection c, StagingWriter staging, UUID batchId, String source, Instant watermarkTo)
            throws SQLException {
        lock(c);
        long t0 = System.nanoTime();
        MergeCounts merge = LandingMerge.run(c, batchId, source, staging.pivotStatement());
        long pivoted = merge.pivoted();
        LOG.debug("Batch {}: merge and pivot {} ms", batchId, (System.nanoTime() - t0) / 1_000_000);
        Instant to = watermarkTo != null ? watermarkTo : staging.maxTime();
        Instant watermark = to == null ? Watermarks.read(c, source) : Watermarks.advance(c, source, to);
        return new BatchOutcome(merge, pivoted, watermark);
    }
}
