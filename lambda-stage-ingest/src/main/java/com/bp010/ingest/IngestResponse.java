package com.bp010.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The response of docs/CONTRACTS.md §4.3: the totals over every batch of the invocation, the batch id when there is one batch, and one
 * entry per file (or API chunk) under {@code files}.
 *
 * @param status OK (every file loaded or was a known duplicate), REJECTED (a file was read but none of its rows could
 *               be loaded: they wait in stage.landing_rejects), NOTHING_TO_DO (no file, or an empty API window); a
 *               response with a FAILED file is not returned: the handler throws {@link IngestFailure}, whose report
 *               carries this response's {@code files}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestResponse(String status, UUID batchId, String source, long rowsRead, long rowsInserted,
                             long rowsDuplicate, long rowsRevised, long rowsRejected, long pivotedRows,
                             Map<String, Long> rejectsByReason, String watermark, long retentionDeleted,
                             List<FileResult> files, long durationMs) {

    static IngestResponse of(String source, List<FileResult> files, long retentionDeleted, long durationMs) {
        long read = 0, inserted = 0, duplicate = 0, revised = 0, rejected = 0, pivoted = 0;
        Map<String, Long> reasons = new TreeMap<>();
        String watermark = null;
        int failed = 0;
        int rejectedWhole = 0;
        for (FileResult f : files) {
            FileResult.Counts n = f.counts();
            read += n.rowsRead();
            inserted += n.rowsInserted();
            duplicate += n.rowsDuplicate();
            revised += n.rowsRevised();
            rejected += n.rowsRejected();
            pivoted += n.pivotedRows();
            if (n.rejectsByReason() != null) {
                n.rejectsByReason().forEach((k, v) -> reasons.merge(k, v, Long::sum));
            }
            if (f.notes().watermark() != null) {
                watermark = f.notes().watermark();
            }
            if (!f.ok()) {
                failed++;
            }
            if (f.status() == BatchStatus.REJECTED) {
                rejectedWhole++;
            }
        }
        String status = files.isEmpty() ? "NOTHING_TO_DO" : failed == files.size() ? "FAILED" : failed > 0 ? "PARTIAL"
                : rejectedWhole > 0 ? "REJECTED" : "OK";
        UUID batchId = files.size() == 1 ? files.get(0).batchId() : null;
        return new IngestResponse(status, batchId, source, read, inserted, duplicate, revised, rejected, pivoted,
                reasons, watermark, retentionDeleted, files, durationMs);
    }
}
