package com.bp010.ingest;

import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;
import com.bp010.db.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestRequestTest {
    private static IngestRequest parse(String json) throws Exception {
        return IngestRequest.from(Json.mapper().readTree(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"source\": \"api\"}",
            "{\"version\": \"0\", \"id\": \"x\", \"detail-type\": \"Scheduled Event\", \"source\": \"aws.events\", "
                    + "\"resources\": [\"arn:aws:events:us-east-1:1:rule/bp010\"], \"detail\": {}}"})
    void shouldPollTheApiFromItsWatermark_whenAScheduleFires(String event) throws Exception {
        assertThat(parse(event)).isEqualTo(new IngestRequest.ApiPoll(null, null));
    }

    @Test
    void shouldPollAnExplicitWindow_whenTheEventGivesFromAndTo() throws Exception {
        assertThat(parse("{\"source\": \"api\", \"from\": \"2024-05-01T00:00:00Z\", \"to\": \"2024-05-01T06:00:00+02:00\"}"))
                .isEqualTo(new IngestRequest.ApiPoll(Instant.parse("2024-05-01T00:00:00Z"),
                        Instant.parse("2024-05-01T04:00:00Z")));
    }

    @Test
    void shouldDecodeEveryKey_whenAnS3EventHasSeveralRecords() throws Exception {
        String event = "{\"Records\": ["
                + "{\"eventSource\": \"aws:s3\", \"eventName\": \"ObjectCreated:Put\", \"s3\": {\"bucket\": {\"name\": "
                + "\"drop\"}, \"object\": {\"key\": \"ingest/campo+norte/landing_scada_data_%C3%B1+1.csv\"}}},"
                + "{\"eventSource\": \"aws:s3\", \"eventName\": \"ObjectCreated:CompleteMultipartUpload\", \"s3\": "
                + "{\"bucket\": {\"name\": \"drop\"}, \"object\": {\"key\": \"ingest/tbl_maestra.csv\"}}},"
                + "{\"eventSource\": \"aws:s3\", \"eventName\": \"ObjectRemoved:Delete\", \"s3\": {\"bucket\": "
                + "{\"name\": \"drop\"}, \"object\": {\"key\": \"ingest/old.csv\"}}}]}";

        assertThat(parse(event)).isEqualTo(new IngestRequest.S3Objects(List.of(
                new IngestRequest.S3Key("drop", "ingest/campo norte/landing_scada_data_ñ 1.csv"),
                new IngestRequest.S3Key("drop", "ingest/tbl_maestra.csv"))));
    }

    @Test
    void shouldReadTheDirectEvents_whenSourceIsS3FileOrRejects() throws Exception {
        UUID batch = UUID.randomUUID();
        assertThat(parse("{\"source\": \"s3\", \"bucket\": \"b\", \"key\": \"ingest/x.csv\"}"))
                .isEqualTo(new IngestRequest.S3Objects(List.of(new IngestRequest.S3Key("b", "ingest/x.csv"))));
        assertThat(parse("{\"source\": \"file\", \"path\": \"/data/drop\"}"))
                .isEqualTo(new IngestRequest.LocalPath("/data/drop"));
        assertThat(parse("{\"source\": \"rejects\", \"batchId\": \"" + batch + "\"}"))
                .isEqualTo(new IngestRequest.ReplayRejects(batch));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"source\": \"ftp\"}", "{\"source\": \"file\"}", "{\"source\": \"rejects\", \"batchId\": \"42\"}",
            "{\"source\": \"api\", \"from\": \"yesterday\"}", "{\"Records\": []}"})
    void shouldRefuseWithBadEvent_whenTheEventIsMalformed(String event) {
        assertThatThrownBy(() -> parse(event)).isInstanceOf(Bp010Exception.class)
                .satisfies(e -> assertThat(((Bp010Exception) e).code()).isEqualTo(ErrorCode.BAD_EVENT));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "{\"source\": \"file\", \"paht\": \"/data\"}|paht|path",
            "{\"source\": \"rejects\", \"batchID\": \"x\"}|batchID|batchId",
            "{\"Source\": \"file\", \"path\": \"/data\"}|Source|source",
            "{\"source\": \"api\", \"form\": \"2024-05-01T00:00:00Z\"}|form|from",
            "{\"source\": \"s3\", \"bucket\": \"b\", \"Key\": \"k\"}|Key|key",
            "{\"fechainicio\": \"2024-05-01\"}|fechainicio|"})
    void shouldRefuseAnUnknownField_namingItAndTheClosestKnown(String event, String field, String closest) {
        assertThatThrownBy(() -> parse(event)).isInstanceOfSatisfying(Bp010Exception.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_EVENT);
            assertThat(e.detail("field")).isEqualTo(field);
            assertThat(e.detail("closest")).isEqualTo(closest);
            assertThat(e.reason()).contains("\"" + field + "\"");
        });
    }

    /** README, "Mistakes": {@code paht} gets its did-you-mean even when the event also left out its source. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "{\"paht\": \"/data\"}|paht|path|file",
            "{\"path\": \"/data\"}|path|path|file",
            "{\"bucket\": \"b\", \"key\": \"k\"}|bucket|bucket|s3",
            "{\"batchID\": \"x\"}|batchID|batchId|rejects"})
    void shouldNameTheSourceAFieldNeeds_whenTheEventLeftSourceOut(String event, String field, String closest,
                                                                    String source) {
        assertThatThrownBy(() -> parse(event)).isInstanceOfSatisfying(Bp010Exception.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_EVENT);
            assertThat(e.detail("field")).isEqualTo(field);
            assertThat(e.detail("closest")).isEqualTo(closest);
            assertThat(e.reason()).contains("\"" + field + "\"", "\"source\": \"" + source + "\"");
        });
    }

    @Test
    void shouldReadAFullS3Notification_keepingEveryFieldAwsSends() throws Exception {
        String event = """
                {"Records": [{
                  "eventVersion": "2.1", "eventSource": "aws:s3", "awsRegion": "us-east-1",
                  "eventTime": "2024-06-01T12:00:03.127Z", "eventName": "ObjectCreated:Put",
                  "userIdentity": {"principalId": "AWS:AIDAJDPLRKLG7UEXAMPLE"},
                  "requestParameters": {"sourceIPAddress": "203.0.113.15"},
                  "responseElements": {"x-amz-request-id": "C3D13FE58DE4C810",
                    "x-amz-id-2": "FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD"},
                  "s3": {"s3SchemaVersion": "1.0", "configurationId": "bp010-ingest-drop",
                    "bucket": {"name": "bp010-ingest-123456789012-us-east-1",
                      "ownerIdentity": {"principalId": "A3NL1KOZZKExample"},
                      "arn": "arn:aws:s3:::bp010-ingest-123456789012-us-east-1"},
                    "object": {"key": "ingest/2024-06-01/landing_scada_data+campo+norte+2024-06-01T12.csv",
                      "size": 1048576, "eTag": "d41d8cd98f00b204e9800998ecf8427e", "versionId": "096fKKXTRTtl3on89fVO.nfljtsv6qko",
                      "sequencer": "0055AED6DCD90281E5"}},
                  "glacierEventData": {"restoreEventData": {"lifecycleRestorationExpiryTime": "1970-01-01T00:01:00.000Z"}}
                }]}""";

        assertThat(parse(event)).isEqualTo(new IngestRequest.S3Objects(List.of(new IngestRequest.S3Key(
                "bp010-ingest-123456789012-us-east-1",
                "ingest/2024-06-01/landing_scada_data campo norte 2024-06-01T12.csv"))));
    }

    @Test
    void shouldReadAnEventBridgeObjectCreatedEvent() throws Exception {
        String event = """
                {"version": "0", "id": "17793124-05d4-b198-2fde-7ededc63b103", "detail-type": "Object Created",
                 "source": "aws.s3", "account": "123456789012", "time": "2024-06-01T12:00:03Z", "region": "us-east-1",
                 "resources": ["arn:aws:s3:::bp010-drop"],
                 "detail": {"version": "0", "bucket": {"name": "bp010-drop"},
                   "object": {"key": "ingest/tbl_maestra_pozos.csv", "size": 5, "etag": "b1946ac92492d2347c6235b4d2611184",
                     "sequencer": "00617F08299329D189"},
                   "request-id": "N4N7GDK58NMKJ12R", "requester": "123456789012", "source-ip-address": "1.2.3.4",
                   "reason": "PutObject"}}""";

        assertThat(parse(event)).isEqualTo(new IngestRequest.S3Objects(List.of(
                new IngestRequest.S3Key("bp010-drop", "ingest/tbl_maestra_pozos.csv"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stage-schedule.json", "stage-scheduled-event.json", "stage-api-window.json",
            "stage-s3-object-created.json", "stage-s3.json", "stage-file.json", "stage-rejects.json",
            "stage-rejects-replay.json", "stage-s3-direct.json", "stage-scheduler-api.json"})
    void shouldReadEverySampleEvent_whenTheFixturesAreTheReadmeExamples(String fixture) throws Exception {
        java.nio.file.Path root = java.nio.file.Path.of("").toAbsolutePath();
        while (!java.nio.file.Files.isDirectory(root.resolve("events"))) {
            root = root.getParent();
        }
        String json = java.nio.file.Files.readString(root.resolve("events").resolve(fixture));

        IngestRequest request = parse(json);

        assertThat(request).isNotNull();
        if (fixture.equals("stage-s3-object-created.json")) {
            assertThat(((IngestRequest.S3Objects) request).objects()).extracting(IngestRequest.S3Key::key)
                    .containsExactly("ingest/tbl_maestra_pozos.csv", "ingest/campo norte/landing_scada_data_2024050110.csv");
        }
    }
}
