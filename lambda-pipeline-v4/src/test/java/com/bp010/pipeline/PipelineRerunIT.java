package com.bp010.pipeline;

import com.bp010.testsupport.TableChecksums;
import com.bp010.db.EmbeddedMetrics;
import com.bp010.db.Env;
import com.bp010.db.Json;
import com.bp010.db.LazyDatabase;
import com.bp010.testsupport.Invocation;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reruns are reproducible: the same event with the same {@code asOf}, run a week later, gives the same window and the
 * same tables; and a run publishes its metrics once, from the step that ends it, with its run id.
 */
class PipelineRerunIT {
    private static final String EVENT = """
            {"fechaInicio": "2026-03-10", "asOf": "2026-03-11T06:00:00Z"}""";
    private static final Set<String> RUN_LOGS = Set.of("reporting.pipeline_runs", "reporting.pipeline_run_phases",
            "reporting.pipeline_lease", "stage.tbl_dq_run_summary");

    private static TestDatabase field() {
        TestDatabase db = TestDatabase.migrated();
        db.execute("""
                INSERT INTO stage.tbl_pozo_maestra (well_id, nombre_pozo, profundidad_bomba, profundidad_media_perforados,
                       profundidad_yacimiento, api_gravity, sg_agua, diametro_piston, peso_varillas_aire)
                VALUES ('RR-1', 'Rerun', 5000, 5200, 5300, 35, 1.07, 1.5, 9350);
                INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, casing_head_pressure,
                       well_head_pressure, fluid_level, oil_rate, water_rate, liquid_rate, strokes_per_minute,
                       stroke_length, energy_kwh, runtime_hours, dynacard)
                SELECT 'RR-1', TIMESTAMPTZ '2026-03-10T00:00:00Z' + make_interval(hours => h), 50,
                       100, 4000, 52, 78, 130, 8, 86, 1000 + 10 * (h + 1),
                       500 + (h + 1) * 20.0 / 24,
                       '{"position": [0, 40, 86, 40, 0], "load": [5000, 9000, 9000, 5200, 5000]}'
                  FROM generate_series(-1, 23) h;
                """);
        return db;
    }

    private static PipelineV4Handler handler(TestDatabase db, Clock clock, PrintStream metrics) {
        return new PipelineV4Handler(LazyDatabase.of(db.database()), PipelineSettings.fromEnv(Env.of(db.env())),
                metrics == null ? EmbeddedMetrics.disabled() : EmbeddedMetrics.to(metrics), Env.of(Map.of()), clock);
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void shouldGiveTheSameWindowAndTables_whenTheSameAsOfIsRerunAWeekLater() {
        try (TestDatabase first = field(); TestDatabase weekLater = field()) {
            JsonNode original = Invocation.invoke(handler(first, at("2026-03-11T06:00:00Z"), null), EVENT);
            JsonNode rerun = Invocation.invoke(handler(weekLater, at("2026-03-18T06:00:00Z"), null), EVENT);

            assertThat(original.path("status").asText()).as(original.toString()).isEqualTo("OK");
            assertThat(rerun.path("window")).isEqualTo(original.path("window"));
            assertThat(rerun.path("window").path("to").asText()).as("the window ends on asOf's day")
                    .isEqualTo("2026-03-11");
            assertThat(rerun.path("dq")).isEqualTo(original.path("dq"));
            Map<String, TableChecksums.Sum> expected = TableChecksums.of(first, RUN_LOGS);
            Map<String, TableChecksums.Sum> actual = TableChecksums.of(weekLater, RUN_LOGS);
            assertThat(TableChecksums.rows(expected)).isGreaterThan(0);
            assertThat(TableChecksums.differences(expected, actual)).as("tables that differ").isEmpty();
        }
    }

    @Test
    void shouldPublishMetricsOncePerRun_fromTheStepThatEndsIt_withTheRunId() throws Exception {
        try (TestDatabase db = field()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PipelineV4Handler h = handler(db, at("2026-03-11T06:00:00Z"), new PrintStream(out, true,
                    StandardCharsets.UTF_8));

            JsonNode opened = Invocation.invoke(h, """
                    {"phase": "DQ", "fechaInicio": "2026-03-10", "fechaFin": "2026-03-10", "asOf": "2026-03-11T06:00:00Z"}""");
            String runId = opened.path("runId").asText();
            for (String phase : List.of("TRANSFORM", "ENRICH", "DEFAULTS", "CONSISTENCY")) {
                JsonNode step = Invocation.invoke(h, "{\"phase\": \"" + phase + "\", \"runId\": \"" + runId + "\"}");
                assertThat(step.path("status").asText()).as(phase + ": " + step).isEqualTo("OK");
            }

            List<String> documents = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("_aws"))
                    .toList();
            assertThat(documents).as("one metrics document for the five phase calls").hasSize(1);
            JsonNode emf = Json.mapper().readTree(documents.get(0));
            assertThat(emf.path("PipelineRuns").asInt()).isEqualTo(1);
            assertThat(emf.path("RunId").asText()).isEqualTo(runId);
            assertThat(emf.path("Status").asText()).isEqualTo("OK");
        }
    }
}
