package com.bp010.ingest;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.bp010.db.AwsClients;
import com.bp010.db.Env;
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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StageIngestS3IT {
    static {
        // fastexcel-reader brings the Aalto StAX parser; S3Mock's Jackson XML needs Woodstox's
        System.setProperty("javax.xml.stream.XMLInputFactory", "com.ctc.wstx.stax.WstxInputFactory");
        System.setProperty("javax.xml.stream.XMLOutputFactory", "com.ctc.wstx.stax.WstxOutputFactory");
    }

    @RegisterExtension
    static final S3MockExtension S3 = LocalS3.extension();
    private static IngestFixture fx;

    @TempDir
    Path dir;

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
                + bucket + "\"}, \"object\": {\"key\": \"" + URLEncoder.encode(key, StandardCharsets.UTF_8) + "\"}}}";
    }

    @Test
    void shouldIngestBothObjects_whenAnS3EventHasTwoRecords_andRecogniseARedelivery() throws Exception {
        GeneratedSet set = new DemoDataGenerator().generate(GeneratorOptions.of(3, 1, Instant.parse(
                "2024-05-10T00:00:00Z"), 5).withPrefix("S3W"), dir);
        Env env = Env.of(LocalS3.env(S3));
        S3Client s3 = AwsClients.s3(env);
        LocalS3.createBucket(s3, "bp010-drop");
        String telemetryKey = "ingest/campo norte/" + set.telemetryFile().getFileName();
        s3.putObject(b -> b.bucket("bp010-drop").key(telemetryKey), RequestBody.fromFile(set.telemetryFile()));
        s3.putObject(b -> b.bucket("bp010-drop").key("ingest/tbl_maestra_pozos.csv"),
                RequestBody.fromFile(set.wellMasterFile()));
        s3.putObject(b -> b.bucket("bp010-drop").key("elsewhere/notes.csv"), RequestBody.fromString("a,b\n"));
        StageIngestHandler handler = fx.handler(IngestFixture.settings(Map.of("INGEST_BUCKET", "bp010-drop")),
                () -> null, () -> new S3Objects(s3));
        String event = "{\"Records\": [" + record("bp010-drop", telemetryKey) + ", "
                + record("bp010-drop", "ingest/tbl_maestra_pozos.csv") + ", "
                + record("bp010-drop", "elsewhere/notes.csv") + "]}";

        JsonNode r = IngestFixture.invoke(handler, event);

        assertThat(r.get("status").asText()).isEqualTo("OK");
        assertThat(r.get("files")).hasSize(3);
        assertThat(r.get("files").get(0).get("status").asText()).isEqualTo("SKIPPED");
        assertThat(r.get("files").get(1).get("location").asText()).isEqualTo("s3://bp010-drop/ingest/tbl_maestra_pozos.csv");
        assertThat(r.get("files").get(2).get("location").asText()).isEqualTo("s3://bp010-drop/" + telemetryKey);
        assertThat(r.get("files").get(2).get("rowsInserted").asLong()).isEqualTo(set.readings());
        assertThat(r.get("rowsInserted").asLong()).isEqualTo(set.readings() + 3);
        assertThat(r.get("pivotedRows").asLong()).isEqualTo(set.wellHours());
        assertThat(fx.count("SELECT count(*) FROM stage.landing_scada_data WHERE well_id LIKE 'S3W-%'"))
                .isEqualTo(set.readings());

        JsonNode again = IngestFixture.invoke(handler, "{\"Records\": [" + record("bp010-drop", telemetryKey) + "]}");

        assertThat(again.get("files").get(0).get("status").asText()).isEqualTo("DUPLICATE_OBJECT");
        assertThat(again.get("files").get(0).get("duplicateOf").asText())
                .isEqualTo(r.get("files").get(2).get("batchId").asText());
        assertThat(fx.count("SELECT count(*) FROM stage.ingest_batches WHERE status = 'DUPLICATE_OBJECT'")).isEqualTo(1);
    }

    @Test
    void shouldStreamADumpFromS3_andLeaveNothingOfOneRefusedAfterRowsAndRejects() throws Exception {
        Env env = Env.of(LocalS3.env(S3));
        S3Client s3 = AwsClients.s3(env);
        LocalS3.createBucket(s3, "bp010-dumps");
        String whp = com.bp010.demo.ScadaTags.byColumn("well_head_pressure").id();
        String good = "SET client_encoding = 'UTF8';\n"
                + "COPY stage.tbl_pozo_maestra (well_id, campo) FROM stdin;\nS3D-1\tSur\n\\.\n"
                + "INSERT INTO stage.landing_scada_data (well_id, var_id, timestamp_lectura, measure) VALUES "
                + "('S3D-1', '" + whp + "', '2024-05-01 10:00:00+00', '101.5'),"
                + "('S3D-1', '" + whp + "', '2024-05-01 11:00:00+00', '102.5');\n";
        // rows, a reject (bad timestamp) and a well master row come before the statement that refuses the file
        String refused = "COPY stage.tbl_pozo_maestra (well_id, campo) FROM stdin;\nS3X-1\tNorte\n\\.\n"
                + "INSERT INTO stage.landing_scada_data (well_id, var_id, timestamp_lectura, measure) VALUES "
                + "('S3D-1', '" + whp + "', '2024-05-01 12:00:00+00', '103.5'),"
                + "('S3D-1', '" + whp + "', 'not a time', '1');\n"
                + "DROP TABLE stage.landing_scada_data;\n";
        s3.putObject(b -> b.bucket("bp010-dumps").key("ingest/landing_scada_data_good.sql"),
                RequestBody.fromString(good));
        s3.putObject(b -> b.bucket("bp010-dumps").key("ingest/landing_scada_data_refused.sql"),
                RequestBody.fromString(refused));
        StageIngestHandler handler = fx.handler(IngestFixture.settings(Map.of("INGEST_BUCKET", "bp010-dumps")),
                () -> null, () -> new S3Objects(s3));
        long rejectsBefore = fx.count("SELECT count(*) FROM stage.landing_rejects");

        JsonNode loaded = IngestFixture.invoke(handler, "{\"Records\": ["
                + record("bp010-dumps", "ingest/landing_scada_data_good.sql") + "]}");
        JsonNode failed = IngestFixture.invokeFailing(handler, "{\"Records\": ["
                + record("bp010-dumps", "ingest/landing_scada_data_refused.sql") + "]}");

        assertThat(loaded.get("status").asText()).isEqualTo("OK");
        assertThat(loaded.get("rowsInserted").asLong()).isEqualTo(1 + 2);
        assertThat(fx.count("SELECT count(*) FROM stage.landing_scada_data WHERE well_id = 'S3D-1'")).isEqualTo(2);
        JsonNode error = failed.get("files").get(0).get("error");
        assertThat(failed.get("files").get(0).get("status").asText()).isEqualTo("FAILED");
        assertThat(error.get("code").asText()).isEqualTo("BAD_INPUT");
        assertThat(error.get("line").asLong()).isEqualTo(5);
        assertThat(error.get("message").asText()).contains("refused whole");
        assertThat(fx.count("SELECT count(*) FROM stage.landing_scada_data WHERE well_id = 'S3D-1'"))
                .as("the reading before the DROP was not kept").isEqualTo(2);
        assertThat(fx.count("SELECT count(*) FROM stage.tbl_pozo_maestra WHERE well_id = 'S3X-1'")).isZero();
        assertThat(fx.count("SELECT count(*) FROM stage.landing_rejects")).as("nor its reject").isEqualTo(rejectsBefore);
    }
}
