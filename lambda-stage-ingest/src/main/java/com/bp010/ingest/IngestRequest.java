package com.bp010.ingest;

import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;
import com.bp010.db.EventFields;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** The fields each direct event may hold (docs/CONTRACTS.md §4.3); anything else is a BAD_EVENT naming it. */
    Map<String, Set<String>> DIRECT_FIELDS = Map.of(
            "api", Set.of("source", "from", "to"),
            "s3", Set.of("source", "bucket", "key"),
            "file", Set.of("source", "path"),
            "rejects", Set.of("source", "batchId"));

    static IngestRequest from(JsonNode event) {
        if (event.has("Records")) {
            return s3Records(event.get("Records"));
        }
        if (event.has("detail-type")) {
            return eventBridge(event);
        }
        String source = event.path("source").asText("api");
        Set<String> known = DIRECT_FIELDS.get(source);
        if (known == null) {
            throw bad("unknown source '" + source + "': expected api, s3, file or rejects").with("field", "source")
                    .with("value", source);
        }
        if (!event.has("source")) {
            requireSourceFor(event);
        }
        EventFields.requireKnown(event, known, "Stage ingest event (source " + source + ")");
        return switch (source) {
            case "api" -> new ApiPoll(time(event, "from"), time(event, "to"));
            case "s3" -> new S3Objects(List.of(new S3Key(required(event, "bucket"), required(event, "key"))));
            case "file" -> new LocalPath(required(event, "path"));
            default -> {
                try {
                    yield new ReplayRejects(UUID.fromString(required(event, "batchId")));
                } catch (IllegalArgumentException e) {
                    throw bad("batchId must be a batch UUID, got '" + event.path("batchId").asText() + "'")
                            .with("field", "batchId");
                }
            }
        };
    }

    /**
     * An event without {@code source} polls the API; a field of another source in it ({@code {"path": ...}}, or a
     * misspelling of one, {@code "paht"}) means the source was left out: a BAD_EVENT naming the field, the closest
     * field and the source it needs, not only the API poll's fields.
     */
    private static void requireSourceFor(JsonNode event) {
        Set<String> api = DIRECT_FIELDS.get("api");
        for (Iterator<String> names = event.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!api.contains(name) && EventFields.closest(name, api) != null) {
                return; // a misspelt "source" ("Source") or API field: the API poll's own message names it
            }
        }
        for (Iterator<String> names = event.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (api.contains(name)) {
                continue;
            }
            for (String other : List.of("file", "s3", "rejects")) {
                Set<String> fields = new java.util.TreeSet<>(DIRECT_FIELDS.get(other));
                fields.remove("source");
                String closest = EventFields.closest(name, fields);
                if (closest != null) {
                    throw bad((closest.equals(name) ? "field \"" + name + "\"" : "unknown field \"" + name
                            + "\" (did you mean \"" + closest + "\"?)") + " needs \"source\": \"" + other
                            + "\"; without \"source\" the event polls the SCADA API, whose fields are from, source, to")
                            .with("field", name).with("closest", closest).with("source", other);
                }
            }
        }
    }

    /**
     * An EventBridge event, every field AWS sends kept: a scheduled event polls the API; an S3 "Object Created"
     * event (S3's EventBridge notifications) loads its object.
     */
    private static IngestRequest eventBridge(JsonNode event) {
        String type = event.path("detail-type").asText("");
        if ("Scheduled Event".equals(type)) {
            return new ApiPoll(null, null);
        }
        if ("Object Created".equals(type)) {
            String bucket = event.path("detail").path("bucket").path("name").asText("");
            String key = event.path("detail").path("object").path("key").asText("");
            if (bucket.isEmpty() || key.isEmpty()) {
                throw bad("an Object Created event without detail.bucket.name or detail.object.key");
            }
            return new S3Objects(List.of(new S3Key(bucket, key)));
        }
        throw bad("EventBridge events of detail-type '" + type + "' are not for this function: send Scheduled Event,"
                + " Object Created or a direct event").with("field", "detail-type");
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
