package com.bp010.ingest;

import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;
import com.bp010.db.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A source that could not be fetched or read: the invocation fails with it, so Lambda retries an asynchronous S3
 * event and then sends it to the dead-letter queue, {@code Errors} counts it and the alarm fires. It is thrown after
 * everything that must be kept is committed (the batch log, the rejects, the other files of the event, whose
 * redelivery is answered DUPLICATE_OBJECT); its report carries every file's result under {@code files}.
 */
final class IngestFailure extends Bp010Exception {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    IngestFailure(ErrorCode code, String reason, boolean retryable, Throwable cause) {
        super(code, reason, cause);
        this.retryable = retryable;
    }

    /** The failure of an invocation whose response has FAILED files, or null when none failed. */
    static IngestFailure of(IngestResponse response) {
        List<FileResult> failed = response.files().stream().filter(f -> f.status() == BatchStatus.FAILED).toList();
        if (failed.isEmpty()) {
            return null;
        }
        JsonNode first = Json.mapper().valueToTree(failed.get(0).notes().error());
        ErrorCode code = codeOf(first);
        boolean retryable = failed.stream().map(f -> Json.mapper().valueToTree(f.notes().error()))
                .anyMatch(e -> ((JsonNode) e).path("retryable").asBoolean(false));
        String location = failed.get(0).origin().location();
        String what = failed.size() == 1 ? location
                : failed.size() + " of " + response.files().size() + " files (first " + location + ")";
        String reason = "Stage ingest could not load " + what + ": " + first.path("message").asText("")
                + ". The other files of the event are kept (a redelivery answers DUPLICATE_OBJECT): fix or upload the"
                + " file again, or replay the event from the dead-letter queue (README, Stage ingest failures)";
        IngestFailure e = new IngestFailure(code, reason, retryable, null);
        e.with("file", failed.get(0).origin().file()).with("location", failed.get(0).origin().location())
                .with("source", response.source()).with("filesFailed", failed.size())
                .with("rowsInserted", response.rowsInserted()).with("rowsRejected", response.rowsRejected())
                .with("files", response.files());
        return e;
    }

    private static ErrorCode codeOf(JsonNode error) {
        try {
            return ErrorCode.valueOf(error.path("code").asText("STORAGE"));
        } catch (IllegalArgumentException unknown) {
            return ErrorCode.STORAGE;
        }
    }

    @Override
    public boolean isRetryable() {
        return retryable;
    }
}
