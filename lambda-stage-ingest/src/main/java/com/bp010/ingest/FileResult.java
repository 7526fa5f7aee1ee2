package com.bp010.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one batch (a file, an S3 object, an API window, a replay) did: the response fields of docs/CONTRACTS.md §4.3, plus the reasons
 * of its rejects and, for well master and reserves files, the table rows written.
 *
 * @param status OK, FAILED (the batch rolled back; {@code error} says why), DUPLICATE_OBJECT (this exact content
 *               from this location was loaded before by {@code duplicateOf}: nothing re-read) or SKIPPED
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileResult(String file, String location, String format, UUID batchId, String source, BatchStatus status,
                         long rowsRead, long rowsInserted, long rowsDuplicate, long rowsRevised, long rowsRejected,
                         long pivotedRows, Map<String, Long> rejectsByReason, TableCounts table,
                         List<String> ignoredColumns, UUID duplicateOf, String watermark, Object error,
                         long durationMs) {

    /** Rows written to the well master or reserves table. */
    public record TableCounts(String table, long inserted, long updated, long unchanged) {
        TableCounts plus(TableCounts more) {
            return new TableCounts(table, inserted + more.inserted, updated + more.updated,
                    unchanged + more.unchanged);
        }
    }

    public boolean ok() {
        return status != BatchStatus.FAILED;
    }

    static FileResult failed(String file, String location, String format, UUID batchId, String source, Object error,
                             long durationMs) {
        return new FileResult(file, location, format, batchId, source, BatchStatus.FAILED, 0, 0, 0, 0, 0, 0, Map.of(), null,
                List.of(), null, null, error, durationMs);
    }

    public static FileResult skipped(String file, String location, String reason) {
        return new FileResult(file, location, null, null, "s3", BatchStatus.SKIPPED, 0, 0, 0, 0, 0, 0, Map.of(), null,
                List.of(), null, null, reason, 0);
    }
}
