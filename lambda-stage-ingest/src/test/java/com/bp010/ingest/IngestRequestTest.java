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
    @ValueSource(strings = {"stage-schedule.json", "stage-scheduled-event.json", "stage-api-window.json",
            "stage-s3-object-created.json", "stage-s3.json", "stage-file.json", "stage-rejects.json"})
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
