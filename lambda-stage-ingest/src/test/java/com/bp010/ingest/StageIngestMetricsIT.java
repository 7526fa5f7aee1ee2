package com.bp010.ingest;

import com.bp010.db.EmbeddedMetrics;
import com.bp010.db.Json;
import com.bp010.db.LazyDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S3 objects an event names outside INGEST_BUCKET / INGEST_PREFIX are answered SKIPPED and never read: the invocation
 * succeeds, the sender believes its files delivered. {@code FilesSkipped} (alarm bp010-stage-ingest-files-skipped)
 * says so.
 */
class StageIngestMetricsIT {
    private static IngestFixture fx;

    @BeforeAll
    static void setUp() {
        fx = new IngestFixture();
    }

    @AfterAll
    static void tearDown() {
        fx.close();
    }

    private static String record(String bucket, String key) {
        return "{\"eventSource\": \"aws:s3\", \"eventName\": \"ObjectCreated:Put\", \"s3\": {\"bucket\": {\"name\": \""
                + bucket + "\"}, \"object\": {\"key\": \"" + key + "\"}}}";
    }

    @Test
    void shouldPublishFilesSkipped_whenTheEventNamesObjectsOutsideTheIngestBucketOrPrefix() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StageIngestHandler handler = new StageIngestHandler(LazyDatabase.of(fx.db.database()),
                IngestFixture.settings(Map.of("INGEST_BUCKET", "bp010-drops")), () -> null, () -> {
                    throw new IllegalStateException("nothing is read");
                }, Clock.systemUTC(), EmbeddedMetrics.to(new PrintStream(out, true, StandardCharsets.UTF_8)));
        // a notification of another bucket, and one of the right bucket without the prefix (INGEST_PREFIX changed on
        // one side only)
        String event = "{\"Records\": [" + record("bp010-other", "ingest/landing_scada_data.csv") + ", "
                + record("bp010-drops", "incoming/landing_scada_data.csv") + "]}";

        JsonNode r = IngestFixture.invoke(handler, event);

        assertThat(r.get("files")).hasSize(2);
        assertThat(r.get("files")).allSatisfy(f -> assertThat(f.get("status").asText()).isEqualTo("SKIPPED"));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("\"_aws\"")).toList();
        assertThat(lines).hasSize(1);
        JsonNode emf = Json.mapper().readTree(lines.get(0));
        assertThat(emf.path("FilesSkipped").asLong()).isEqualTo(2);
        assertThat(emf.path("_aws").path("CloudWatchMetrics").get(0).path("Metrics").toString())
                .contains("\"Name\":\"FilesSkipped\"");
        assertThat(emf.path("Function").asText()).isEqualTo("bp010-stage-ingest");
        assertThat(emf.path("RowsInserted").asLong()).isZero();
    }
}
