package com.bp010.pipeline;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.bp010.db.AwsClients;
import com.bp010.db.EmbeddedMetrics;
import com.bp010.db.Env;
import com.bp010.db.LazyDatabase;
import com.bp010.testsupport.Invocation;
import com.bp010.testsupport.LocalS3;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a run completes, the report lands in S3 ({@code reports/latest.html} and a dated copy) through the real SDK
 * against S3Mock; a report that cannot be written leaves the run OK, says FAILED with why and counts ReportFailed.
 */
class PipelineReportIT {
    @RegisterExtension
    static final S3MockExtension S3 = LocalS3.extension();
    private static final String BUCKET = "bp010-reports-test";
    private static final String RUN = """
            {"fechaInicio": "2026-03-10", "fechaFin": "2026-03-10", "asOf": "2026-03-11T06:00:00Z"}""";

    private static TestDatabase db;

    @BeforeAll
    static void field() {
        db = TestDatabase.migrated();
        db.execute("""
                INSERT INTO stage.tbl_pozo_maestra (well_id, nombre_pozo, profundidad_bomba, profundidad_media_perforados,
                       profundidad_yacimiento, api_gravity, sg_agua, diametro_piston, peso_varillas_aire)
                VALUES ('OR-1', 'Oracle', 5000, 5200, 5300, 35, 1.07, 1.5, 9350);
                INSERT INTO referencial.tbl_limites_pozo (nombre_tecnico, min_warning, max_warning, target)
                VALUES ('well_head_pressure', 30, 500, 100);
                INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, casing_head_pressure,
                       well_head_pressure, fluid_level, oil_rate, water_rate, liquid_rate, strokes_per_minute,
                       stroke_length, energy_kwh, runtime_hours, dynacard)
                SELECT 'OR-1', TIMESTAMPTZ '2026-03-10T00:00:00Z' + make_interval(hours => h), 50, 100, 4000, 52, 78,
                       130, 8, 86, 1000 + 10 * (h + 1), 500 + (h + 1) * 20.0 / 24,
                       '{"position": [0, 40, 86, 40, 0], "load": [5000, 9000, 9000, 5200, 5000]}'
                  FROM generate_series(-1, 23) h;
                """);
        LocalS3.createBucket(AwsClients.s3(Env.of(LocalS3.env(S3))), BUCKET);
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void shouldWriteTheLatestAndADatedReport_whenARunCompletes() {
        ByteArrayOutputStream metrics = new ByteArrayOutputStream();

        JsonNode r = Invocation.invoke(handler(BUCKET, metrics), RUN);

        assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("OK");
        JsonNode report = r.path("report");
        assertThat(report.path("status").asText()).as(report.toString()).isEqualTo("WRITTEN");
        assertThat(report.path("latest").asText()).isEqualTo("s3://" + BUCKET + "/reports/latest.html");
        assertThat(report.path("dated").asText())
                .isEqualTo("s3://" + BUCKET + "/reports/2026/03/11/bp010-report-20260311T0600Z.html");
        assertThat(report.path("from").asText()).isEqualTo("2026-03-10"); // the first day with data
        assertThat(report.path("to").asText()).isEqualTo("2026-03-11");

        S3Client s3 = AwsClients.s3(Env.of(LocalS3.env(S3)));
        ResponseBytes<GetObjectResponse> latest = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("reports/latest.html"));
        ResponseBytes<GetObjectResponse> dated = s3.getObjectAsBytes(b -> b.bucket(BUCKET)
                .key("reports/2026/03/11/bp010-report-20260311T0600Z.html"));
        assertThat(latest.response().contentType()).startsWith("text/html");
        assertThat(latest.asUtf8String()).isEqualTo(dated.asUtf8String()).startsWith("<!DOCTYPE html>")
                .contains("<section class=\"well\" id=\"well-OR-1\"", "Pozos que requieren atención");
        assertThat(report.path("bytes").asLong()).isEqualTo(latest.asByteArray().length);
        assertThat(metrics.toString(StandardCharsets.UTF_8)).contains("\"ReportWritten\":1", "\"ReportFailed\":0");
    }

    @Test
    void shouldKeepTheRunOkAndSayWhy_whenTheReportCannotBeWritten() {
        ByteArrayOutputStream metrics = new ByteArrayOutputStream();

        JsonNode r = Invocation.invoke(handler("no-such-bucket", metrics), RUN);

        assertThat(r.path("status").asText()).isEqualTo("OK");
        assertThat(r.path("report").path("status").asText()).isEqualTo("FAILED");
        assertThat(r.path("report").path("error").asText()).containsIgnoringCase("bucket");
        assertThat(metrics.toString(StandardCharsets.UTF_8)).contains("\"ReportFailed\":1");
    }

    @Test
    void shouldWriteNothing_whenAStepIsNotTheRunsLastOrReportsAreOff() {
        JsonNode step = Invocation.invoke(handler(BUCKET, new ByteArrayOutputStream()), """
                {"phase": "DQ", "fechaInicio": "2026-03-10", "fechaFin": "2026-03-10", "asOf": "2026-03-11T06:00:00Z"}""");
        JsonNode off = Invocation.invoke(new PipelineV4Handler(LazyDatabase.of(db.database()),
                PipelineSettings.fromEnv(Env.of(db.env())), EmbeddedMetrics.disabled()), RUN);

        assertThat(step.path("status").asText()).isEqualTo("OK");
        assertThat(step.has("report")).isFalse();
        assertThat(off.has("report")).isFalse();
    }

    private static PipelineV4Handler handler(String bucket, ByteArrayOutputStream metrics) {
        Map<String, String> env = new HashMap<>(db.env());
        env.putAll(LocalS3.env(S3));
        env.put("REPORT_BUCKET", bucket);
        Env e = Env.of(env);
        return new PipelineV4Handler(LazyDatabase.of(db.database()), PipelineSettings.fromEnv(e),
                EmbeddedMetrics.to(new PrintStream(metrics, true, StandardCharsets.UTF_8)), e);
    }
}
