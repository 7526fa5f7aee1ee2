package com.bp010.ingest;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.bp010.db.AwsClients;
import com.bp010.db.EmbeddedMetrics;
import com.bp010.db.Env;
import com.bp010.db.Json;
import com.bp010.db.LazyDatabase;
import com.bp010.db.S3Objects;
import com.bp010.demo.DemoDataGenerator;
import com.bp010.demo.GeneratedSet;
import com.bp010.demo.GeneratorOptions;
import com.bp010.testsupport.LocalS3;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file drop that cannot be fetched or read fails the invocation (so Lambda retries the S3 event, then sends it to
 * the dead-letter queue, and Errors counts it), after the batch log and the other files of the event are committed;
 * a file of which nothing loads ends REJECTED without failing, and RowsRejected is published. Through the handler and
 * the S3 source: S3Mock for a missing object and a file with a wrong header, a fault-injecting client for AccessDenied
 * and a stream cut mid-read.
 */
class StageIngestFailuresIT {
    static {
        System.setProperty("javax.xml.stream.XMLInputFactory", "com.ctc.wstx.stax.WstxInputFactory");
        System.setProperty("javax.xml.stream.XMLOutputFactory", "com.ctc.wstx.stax.WstxOutputFactory");
    }

    private static final String BUCKET = "bp010-drops";

    @RegisterExtension
    static final S3MockExtension S3 = LocalS3.extension();
    private static IngestFixture fx;
    private static S3Client s3;

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() {
        fx = new IngestFixture();
        s3 = AwsClients.s3(Env.of(LocalS3.env(S3)));
        LocalS3.createBucket(s3, BUCKET);
    }

    @AfterAll
    static void tearDown() {
        fx.close();
    }

    private static String record(String key) {
        return "{\"eventSource\": \"aws:s3\", \"eventName\": \"ObjectCreated:Put\", \"s3\": {\"bucket\": {\"name\": \""
                + BUCKET + "\"}, \"object\": {\"key\": \"" + key + "\"}}}";
    }

    private static String event(String... keys) {
        StringBuilder b = new StringBuilder("{\"Records\": [");
        for (int i = 0; i < keys.length; i++) {
            b.append(i == 0 ? "" : ", ").append(record(keys[i]));
        }
        return b.append("]}").toString();
    }

    private static StageIngestHandler handler(S3Client client, PrintStream metrics) {
        return new StageIngestHandler(LazyDatabase.of(fx.db.database()),
                IngestFixture.settings(Map.of("INGEST_BUCKET", BUCKET)), () -> null, () -> new S3Objects(client),
                Clock.systemUTC(), metrics == null ? EmbeddedMetrics.disabled() : EmbeddedMetrics.to(metrics));
    }

    private static GeneratedSet generated(String prefix, String subdir) throws Exception {
        return new DemoDataGenerator().generate(GeneratorOptions.of(2, 1, Instant.parse("2024-06-01T00:00:00Z"), 7)
                .withPrefix(prefix), dir.resolve(subdir));
    }

    private static JsonNode fileAt(JsonNode report, String keyEnd) {
        for (JsonNode f : report.get("files")) {
            if (f.path("location").asText().endsWith(keyEnd)) {
                return f;
            }
        }
        throw new AssertionError("no file " + keyEnd + " in " + report);
    }

    @Test
    void shouldFailTheInvocation_whenAnObjectIsMissing_afterKeepingTheOtherFilesOfTheEvent() throws Exception {
        GeneratedSet set = generated("NF", "missing");
        s3.putObject(b -> b.bucket(BUCKET).key("ingest/nf/tbl_maestra_pozos.csv"),
                RequestBody.fromFile(set.wellMasterFile()));
        String event = event("ingest/nf/tbl_maestra_pozos.csv", "ingest/nf/landing_scada_data_gone.csv");

        JsonNode report = IngestFixture.invokeFailing(handler(s3, null), event);

        assertThat(report.get("status").asText()).isEqualTo("FAILED");
        assertThat(report.get("code").asText()).isEqualTo("STORAGE");
        assertThat(report.get("retryable").asBoolean()).isFalse();
        assertThat(report.get("message").asText()).contains("landing_scada_data_gone.csv").contains("dead-letter");
        assertThat(report.get("files")).hasSize(2);
        assertThat(fileAt(report, "tbl_maestra_pozos.csv").get("status").asText()).isEqualTo("OK");
        JsonNode missing = fileAt(report, "landing_scada_data_gone.csv");
        assertThat(missing.get("status").asText()).isEqualTo("FAILED");
        assertThat(missing.get("error").get("message").asText()).contains("404");
        assertThat(fx.count("SELECT count(*) FROM stage.tbl_pozo_maestra WHERE well_id LIKE 'NF-%'"))
                .as("the readable file of the event stays loaded").isEqualTo(2);
        assertThat(fx.count("SELECT count(*) FROM stage.ingest_batches WHERE status = 'FAILED' AND location = ?",
                "s3://" + BUCKET + "/ingest/nf/landing_scada_data_gone.csv")).isEqualTo(1);

        // Lambda's retry of the same event: the loaded file is a known duplicate, the missing one fails again
        JsonNode retry = IngestFixture.invokeFailing(handler(s3, null), event);
        assertThat(fileAt(retry, "tbl_maestra_pozos.csv").get("status").asText()).isEqualTo("DUPLICATE_OBJECT");
    }

    @Test
    void shouldFailNotRetryable_whenS3DeniesAccess() throws Exception {
        GeneratedSet set = generated("AD", "denied");
        s3.putObject(b -> b.bucket(BUCKET).key("ingest/denied/landing_scada_data.csv"),
                RequestBody.fromFile(set.telemetryFile()));

        JsonNode report = IngestFixture.invokeFailing(handler(new FaultyS3(s3, 0), null),
                event("ingest/denied/landing_scada_data.csv"));

        assertThat(report.get("code").asText()).isEqualTo("STORAGE");
        assertThat(report.get("retryable").asBoolean()).isFalse();
        assertThat(report.get("files").get(0).get("error").get("message").asText()).contains("Access Denied");
        assertThat(fx.count("SELECT count(*) FROM stage.landing_scada_data WHERE well_id LIKE 'AD-%'")).isZero();
    }

    @Test
    void shouldFailRetryable_andKeepNothingOfTheFile_whenTheDownloadIsCutMidRead() throws Exception {
        GeneratedSet set = generated("CUT", "cut");
        s3.putObject(b -> b.bucket(BUCKET).key("ingest/c/tbl_maestra_pozos.csv"),
                RequestBody.fromFile(set.wellMasterFile()));
        s3.putObject(b -> b.bucket(BUCKET).key("ingest/c/landing_scada_data_cut.csv"),
                RequestBody.fromFile(set.telemetryFile()));
        assertThat(set.telemetryFile().toFile().length()).isGreaterThan(100_000);
        String event = event("ingest/c/tbl_maestra_pozos.csv", "ingest/c/landing_scada_data_cut.csv");

        JsonNode report = IngestFixture.invokeFailing(handler(new FaultyS3(s3, 50_000), null), event);

        assertThat(report.get("code").asText()).isEqualTo("STORAGE");
        assertThat(report.get("retryable").asBoolean()).as("a cut download may succeed when retried").isTrue();
        assertThat(fileAt(report, "landing_scada_data_cut.csv").get("error").get("message").asText())
                .contains("Connection reset");
        assertThat(fileAt(report, "tbl_maestra_pozos.csv").get("status").asText()).isEqualTo("OK");
        assertThat(fx.count("SELECT count(*) FROM stage.landing_scada_data WHERE well_id LIKE 'CUT-%'")).isZero();
        assertThat(fx.count("SELECT count(*) FROM stage.landing_rejects WHERE well_id LIKE 'CUT-%'")).isZero();

        // Lambda's retry of the event, the connection whole this time
        JsonNode retry = IngestFixture.invoke(handler(s3, null), event);
        assertThat(retry.get("status").asText()).isEqualTo("OK");
        assertThat(fileAt(retry, "tbl_maestra_pozos.csv").get("status").asText()).isEqualTo("DUPLICATE_OBJECT");
        assertThat(fx.count("SELECT count(*) FROM stage.landing_scada_data WHERE well_id LIKE 'CUT-%'"))
                .isEqualTo(set.readings());
    }

    @Test
    void shouldFailNotRetryable_namingTheFile_whenItsHeaderIsWrong() throws Exception {
        String csv = "pozo,variable,cuando,valor\n" + "BH-1,IDN1001,2024-06-01T10:00:00Z,1\n";
        s3.putObject(b -> b.bucket(BUCKET).key("ingest/bh/landing_scada_data.csv"), RequestBody.fromString(csv));

        JsonNode report = IngestFixture.invokeFailing(handler(s3, null), event("ingest/bh/landing_scada_data.csv"));

        assertThat(report.get("code").asText()).isEqualTo("BAD_INPUT");
        assertThat(report.get("retryable").asBoolean()).as("the same bytes fail again: fix the file").isFalse();
        assertThat(report.get("message").asText()).contains("landing_scada_data.csv");
        JsonNode file = fileAt(report, "landing_scada_data.csv");
        assertThat(file.get("status").asText()).isEqualTo("FAILED");
        assertThat(file.get("error").get("line").asInt()).isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM stage.ingest_batches WHERE status = 'FAILED' AND location = ?",
                "s3://" + BUCKET + "/ingest/bh/landing_scada_data.csv")).isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM stage.landing_scada_data WHERE well_id = 'BH-1'")).isZero();
    }

    @Test
    void shouldEndRejected_withoutFailing_andPublishRowsRejected_whenNoRowCanBeLoaded() throws Exception {
        String csv = "well_id,var_id,timestamp_lectura,measure\n"
                + "REJ-1,NO-SUCH-TAG,2024-06-01T10:00:00Z,1\n"
                + "REJ-1,NO-SUCH-TAG,2024-06-01T11:00:00Z,2\n"
                + "REJ-1,NO-SUCH-TAG,2024-06-01T12:00:00Z,3\n";
        s3.putObject(b -> b.bucket(BUCKET).key("ingest/rej/landing_scada_data.csv"), RequestBody.fromString(csv));
        ByteArrayOutputStream metrics = new ByteArrayOutputStream();

        JsonNode r = IngestFixture.invoke(handler(s3, new PrintStream(metrics, true, StandardCharsets.UTF_8)),
                event("ingest/rej/landing_scada_data.csv"));

        assertThat(r.get("status").asText()).isEqualTo("REJECTED");
        assertThat(r.get("files").get(0).get("status").asText()).isEqualTo("REJECTED");
        assertThat(r.get("rowsRejected").asLong()).isEqualTo(3);
        assertThat(r.get("rejectsByReason").toString()).startsWith("{\"UNKNOWN_");
        String batch = r.get("batchId").asText();
        assertThat(fx.count("SELECT count(*) FROM stage.ingest_batches WHERE status = 'REJECTED' AND batch_id = ?::uuid",
                batch)).isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM stage.landing_rejects WHERE batch_id = ?::uuid", batch))
                .as("kept for a replay").isEqualTo(3);
        JsonNode emf = Json.mapper().readTree(metrics.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
        assertThat(emf.get("RowsRejected").asLong()).isEqualTo(3);
        assertThat(emf.get("FilesRejected").asLong()).isEqualTo(1);
        assertThat(emf.get("Function").asText()).isEqualTo("bp010-stage-ingest");

        JsonNode again = IngestFixture.invoke(handler(s3, null), event("ingest/rej/landing_scada_data.csv"));
        assertThat(again.get("files").get(0).get("status").asText()).as("its rejects are not kept twice")
                .isEqualTo("DUPLICATE_OBJECT");
    }

    @Test
    void shouldRefuseAReplayOfAnUnknownBatch_namingIt() {
        String unknown = "6f1c2a52-8d55-4c1e-9a35-0c9a3c1d2e7f";
        JsonNode report = IngestFixture.invokeFailing(fx.handler(), Map.of("source", "rejects", "batchId", unknown));
        assertThat(report.get("code").asText()).isEqualTo("BAD_EVENT");
        assertThat(report.get("message").asText()).contains(unknown);
    }
}
