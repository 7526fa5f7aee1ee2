package com.bp010.ingest;

import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What an event asks the ingest function to do (the trigger shapes of docs/CONTRACTS.md §4.3). */
public sealed interface IngestRequest {

    /** Poll the SCADA API: from its watermark (schedules, {@code {}}), or an explicit window. */
    record ApiPoll(Instant from, Instant to) implements IngestRequest {
    }

    /** Objects in S3 (an ObjectCreated event's records, or a direct event); keys already URL-decoded. */
    record S3Objects(List<S3Key> objects) implements IngestRequest {
    }

    record S3Key(String bucket, String key) {
    }

    /** A local file or folder ({@code bp010} runs). */
    record LocalPath(String path) implements IngestRequest {
    }

    /** Replay the replayable rejects of a batch. */
    record ReplayRejects(UUID batchId) implements IngestRequest {
    }

    static IngestRequest from(JsonNode event) {
        if (event.has("Records")) {
            return s3Records(event.get("Records"));
        }
        if ("Scheduled Event".equals(event.path("detail-type").asText(null))) {
            return new ApiPoll(null, null);
        }
        String source = event.path("source").asText("api");
        return switch (source) {
            case "api" -> new ApiPoll(time(event, "from"), time(event, "to"));
            case "s3" -> new S3Objects(List.of(new S3Key(required(event, "bucket"), required(event, "key"))));
            case "file" -> new LocalPath(required(event, "path"));
            case "rejects" -> {
                try {
                    yield new ReplayRejects(UUID.fromString(required(event, "batchId")));
                } catch (IllegalArgumentException e) {
                    throw bad("batchId must be a batch UUID, got '" + event.path("batchId").asText() + "'");
                }
            }
            default -> throw bad("unknown source '" + source + "': expected api, s3, file or rejects");
        };
    }

    private static IngestRequest s3Records(JsonNode records) {
        if (!records.isArray() || records.isEmpty()) {
            throw bad("Records must be a non-empty array of S3 event records");
        }
        List<S3Key> keys = new ArrayList<>();
        for (JsonNode r : records) {
            String bucket = r.path("s3").path("bucket").path("name").asText("");
            String key = r.path("s3").path("object").path("key").asText("");
            if (bucket.isEmpty() || key.isEmpty()) {
                throw bad("an S3 record without s3.bucket.name or s3.object.key");
            }
            String eventName = r.path("eventName").asText("ObjectCreated:");
            if (!eventName.startsWith("ObjectCreated")) {
                continue;
            }
            keys.add(new S3Key(bucket, URLDecoder.decode(key, StandardCharsets.UTF_8)));
        }
        return new S3Objects(keys);
    }

    private static Instant time(JsonNode event, String field) {
        JsonNode v = event.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            return null;
        }
        try {
            return Instant.parse(v.asText());
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(v.asText()).toInstant();
            } catch (DateTimeParseException again) {
                throw bad(field + " must be an ISO-8601 time with offset, got '" + v.asText() + "'");
            }
        }
    }

    private static String required(JsonNode event, String field) {
        String v = event.path(field).asText("");
        if (v.isBlank()) {
            throw bad("the event needs \"" + field + "\"");
        }
        return v;
    }

    private static Bp010Exception bad(String reason) {
        return new Bp010Exception(ErrorCode.BAD_EVENT, "Stage ingest event: " + reason);
    }
}
