package com.bp010.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one batch (a file, an S3 object, an API window, a replay) did: the response fields of docs/CONTRACTS.md §4.3,
 * grouped by what they say — where the batch came from, what became of its rows, what else it noted. The JSON stays
 * one flat object per file (the groups are unwrapped).
 *
 * @param status OK, FAILED (the batch rolled back; {@code notes.error} says why), REJECTED (read, but no row
 *               loadable: the rows wait in stage.landing_rejects for a replay), DUPLICATE_OBJECT (this exact content
 *               from this location was loaded before by {@code notes.duplicateOf}: nothing re-read) or SKIPPED
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileResult(@JsonUnwrapped Origin origin, UUID batchId, BatchStatus status,
                         @JsonUnwrapped Counts counts, @JsonUnwrapped Notes notes, long durationMs) {

    /** Where a batch came from: its file name (none for an API window or a replay), location, format and source. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Origin(String file, String location, String format, String source) {
    }

    /**
     * What became of a batch's rows. For well master and reserves files {@code rowsInserted}, {@code rowsRevised} and
     * {@code rowsDuplicate} count new, changed and unchanged table rows.
     */
    public record Counts(long rowsRead, long rowsInserted, long rowsDuplicate, long rowsRevised, long rowsRejected,
                         long pivotedRows, Map<String, Long> rejectsByReason) {

        static Counts none() {
            return new Counts(0, 0, 0, 0, 0, 0, Map.of());
        }

        /** A batch whose every row was a duplicate of what landing holds. */
        static Counts allDuplicate(long rowsRead) {
            return new Counts(rowsRead, 0, rowsRead, 0, 0, 0, Map.of());
        }
    }

    /**
     * What else a batch noted: the table rows written (well master, reserves), the columns a file held that nothing
     * reads, the batch it duplicates, the source's watermark after it, the failure report.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Notes(TableCounts table, List<String> ignoredColumns, UUID duplicateOf, String watermark,
                        Object error) {

        static Notes none() {
            return new Notes(null, List.of(), null, null, null);
        }

        static Notes error(Object error) {
            return new Notes(null, List.of(), null, null, error);
        }
    }

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

    static FileResult failed(Origin origin, UUID batchId, Object error, long durationMs) {
        return new FileResult(origin, batchId, BatchStatus.FAILED, Counts.none(), Notes.error(error), durationMs);
    }

    public static FileResult skipped(String file, String location, String reason) {
        return new FileResult(new Origin(file, location, null, "s3"), null, BatchStatus.SKIPPED, Counts.none(),
                Notes.error(reason), 0);
    }
}
