package com.bp010.ingest;

/**
 * What became of one batch. {@code stage.ingest_batches.status} stores the batches that ran (its CHECK names the
 * same values: {@code BatchStatusIT} compares them); {@link #SKIPPED} objects are answered, never logged.
 */
public enum BatchStatus {
    /** Loaded (its refused rows, if any, kept in stage.landing_rejects). */
    OK,
    /** Could not be read or loaded: rolled back whole; the error says why. The invocation fails. */
    FAILED,
    /**
     * Read, but not one row could be loaded: every row is kept in stage.landing_rejects for a replay
     * ({@code {"source":"rejects","batchId"}}) once its cause is fixed. A retry of the same file cannot help, so the
     * invocation does not fail; the {@code RowsRejected} metric and its alarm report it, and {@code bp010} exits 1.
     */
    REJECTED,
    /** The same content from the same location was loaded before: nothing re-read. */
    DUPLICATE_OBJECT,
    /** An S3 object outside INGEST_BUCKET / INGEST_PREFIX: not read. */
    SKIPPED;

    /** True for the statuses a batch row in stage.ingest_batches can hold. */
    public boolean logged() {
        return this != SKIPPED;
    }
}
