package com.bp010.pipeline;

import com.bp010.db.EmbeddedMetrics;
import com.bp010.db.Env;
import com.bp010.db.Json;
import com.bp010.db.LazyDatabase;
import com.bp010.testsupport.Invocation;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A step that answers OK but asks for an explicit rerun in its {@code message} publishes {@code PipelineNeedsAttention}
 * (alarm bp010-pipeline-needs-attention), with what and the message as log fields: under a schedule or the state
 * machine nobody reads the answer. Under Step Functions the message comes from a step in the middle of the run, which
 * publishes no run metrics: it publishes this one alone. Every run document carries it, 0 when nothing is asked.
 */
class PipelineAttentionIT {
    private TestDatabase db;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void field() {
        db = TestDatabase.migrated();
        db.execute("""
                INSERT INTO stage.tbl_pozo_maestra (well_id, nombre_pozo, profundidad_bomba, profundidad_media_perforados,
                       profundidad_yacimiento, api_gravity, sg_agua, diametro_piston, peso_varillas_aire)
                VALUES ('AT-1', 'Attention', 5000, 5200, 5300, 35, 1.07, 1.5, 9350);
                INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, casing_head_pressure,
                       well_head_pressure, fluid_level, oil_rate, water_rate, liquid_rate, strokes_per_minute,
                       stroke_length, energy_kwh, runtime_hours)
                SELECT 'AT-1', TIMESTAMPTZ '2026-03-10T00:00:00Z' + make_interval(hours => h), 50,
                       100, 4000, 52, 78, 130, 8, 86, 1000 + 10 * (h + 1), 500 + (h + 1) * 20.0 / 24
                  FROM generate_series(0, 23) h;
                """);
    }

    @AfterEach
    void drop() {
        db.close();
    }

    private PipelineV4Handler handler(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(db.env());
        env.putAll(settings);
        return new PipelineV4Handler(LazyDatabase.of(db.database()), PipelineSettings.fromEnv(Env.of(env)),
                EmbeddedMetrics.to(new PrintStream(out, true, StandardCharsets.UTF_8)), Env.of(Map.of()),
                Clock.fixed(Instant.parse("2026-03-11T06:00:00Z"), ZoneOffset.UTC));
    }

    private List<JsonNode> documents() throws Exception {
        List<JsonNode> documents = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("\"_aws\"")).toList()) {
            documents.add(Json.mapper().readTree(line));
        }
        return documents;
    }

    /** The metric names the document declares to CloudWatch (a value without its declaration is no metric). */
    private static List<String> declared(JsonNode emf) {
        List<String> names = new ArrayList<>();
        emf.path("_aws").path("CloudWatchMetrics").get(0).path("Metrics").forEach(m -> names.add(m.path("Name").asText()));
        return names;
    }

    @Test
    void shouldPublishNeedsAttentionFromTheDqStep_whenRecomputationMarksReachBeforeTheLookbackFloor() throws Exception {
        // marks of a release or a catalogue change reaching ten days back; the scheduled run recomputes two
        db.execute("INSERT INTO reporting.recalculo_pendiente (well_id, dia_desde, dia_hasta, motivo)"
                + " VALUES ('AT-1', '2026-03-01', '2026-03-10', 'test: an upgrade')");
        PipelineV4Handler h = handler(Map.of("LOOKBACK_DAYS", "2"));

        JsonNode dq = Invocation.invoke(h, "{\"phase\": \"DQ\", \"asOf\": \"2026-03-11T06:00:00Z\"}");
        assertThat(dq.path("status").asText()).as(dq.toString()).isEqualTo("OK");
        assertThat(dq.path("message").asText()).contains("rerun the explicit window");
        String runId = dq.path("runId").asText();
        for (String phase : List.of("TRANSFORM", "ENRICH", "DEFAULTS", "CONSISTENCY")) {
            JsonNode step = Invocation.invoke(h, "{\"phase\": \"" + phase + "\", \"runId\": \"" + runId + "\"}");
            assertThat(step.path("status").asText()).as(phase + ": " + step).isEqualTo("OK");
        }

        List<JsonNode> documents = documents();
        assertThat(documents).as("the DQ step's, then the run's from CONSISTENCY").hasSize(2);
        JsonNode asked = documents.get(0);
        assertThat(declared(asked)).containsExactly("PipelineNeedsAttention");
        assertThat(asked.path("PipelineNeedsAttention").asInt()).isEqualTo(1);
        assertThat(asked.path("Function").asText()).isEqualTo("bp010-pipeline-v4");
        assertThat(asked.path("RunId").asText()).isEqualTo(runId);
        assertThat(asked.path("Attention").asText()).isEqualTo("RERUN_BEFORE_LOOKBACK_FLOOR");
        assertThat(asked.path("Message").asText()).isEqualTo(dq.path("message").asText());
        JsonNode run = documents.get(1);
        assertThat(run.path("PipelineRuns").asInt()).isEqualTo(1);
        assertThat(declared(run)).contains("PipelineNeedsAttention");
        assertThat(run.path("PipelineNeedsAttention").asInt()).as("asked once, by the DQ step").isZero();
    }

    /**
     * The first run after midnight with no new reading aggregates the day that ended again and answers OK (docs/
     * AGGREGATION.md "Incremental runs", ended periods); it found no new readings, so bp010-no-new-data counts it idle
     * (PipelineNothingToDo 1), as it does NOTHING_TO_DO. Before the fix it published 0: in an outage that began in the
     * evening the alarm's count of idle hours restarted at that run.
     */
    @Test
    void shouldCountTheRunIdle_whenItOnlyAggregatesAgainADayThatEnded() throws Exception {
        PipelineV4Handler h = handler(Map.of());
        JsonNode first = Invocation.invoke(h, "{\"asOf\": \"2026-03-10T23:30:00Z\"}");
        assertThat(first.path("status").asText()).as(first.toString()).isEqualTo("OK");
        JsonNode ended = Invocation.invoke(h, "{\"asOf\": \"2026-03-11T00:30:00Z\"}");
        assertThat(ended.path("status").asText()).as(ended.toString()).isEqualTo("OK");
        assertThat(ended.path("window").path("from").asText()).isEqualTo("2026-03-10");
        JsonNode idle = Invocation.invoke(h, "{\"asOf\": \"2026-03-11T01:30:00Z\"}");
        assertThat(idle.path("status").asText()).as(idle.toString()).isEqualTo("NOTHING_TO_DO");

        List<JsonNode> documents = documents();
        assertThat(documents).hasSize(3);
        assertThat(documents.stream().map(d -> d.path("PipelineNothingToDo").asInt()).toList())
                .as("new readings; only the day that ended; nothing").containsExactly(0, 1, 1);
        assertThat(documents.stream().map(d -> d.path("PipelineRuns").asInt()).toList()).containsExactly(1, 1, 1);
    }

    @Test
    void shouldPublishNeedsAttentionFromTheCardStep_whenAStepFunctionsRunLeavesCardsOlderThanCardLookbackDays()
            throws Exception {
        // the readings carry cards and reach the pipeline three weeks late: past the 7 days an incremental run reads
        db.execute("UPDATE stage.tbl_pozo_produccion SET dynacard ="
                + " '{\"position\": [0, 40, 86, 40, 0], \"load\": [5000, 9000, 9000, 5200, 5000]}'");
        PipelineV4Handler h = handler(Map.of());

        JsonNode dq = Invocation.invoke(h, "{\"phase\": \"DQ\", \"asOf\": \"2026-03-31T00:30:00Z\"}");
        String runId = dq.path("runId").asText();
        JsonNode transform = Invocation.invoke(h, "{\"phase\": \"TRANSFORM\", \"runId\": \"" + runId + "\"}");
        assertThat(transform.path("status").asText()).as(transform.toString()).isEqualTo("OK");
        assertThat(transform.path("message").asText()).contains("lie more than CARD_LOOKBACK_DAYS (7) before asOf");
        assertThat(documents()).as("TRANSFORM ends no run, yet its answer asks for a rerun").hasSize(1);
        for (String phase : List.of("ENRICH", "DEFAULTS", "CONSISTENCY")) {
            Invocation.invoke(h, "{\"phase\": \"" + phase + "\", \"runId\": \"" + runId + "\"}");
        }

        List<JsonNode> documents = documents();
        JsonNode fromTransform = documents.get(0);
        assertThat(fromTransform.path("PipelineNeedsAttention").asInt()).isEqualTo(1);
        assertThat(fromTransform.path("Attention").asText()).isEqualTo("CARDS_BEFORE_CARD_LOOKBACK");
        assertThat(fromTransform.path("Message").asText()).isEqualTo(transform.path("message").asText());
        assertThat(documents.get(documents.size() - 1).path("PipelineRuns").asInt()).as("the run's, last").isEqualTo(1);
    }

    @Test
    void shouldPublishNeedsAttentionAndSayWhatToResend_whenAPhaseFindsItsRunsLeaseTakenByAnotherRun() throws Exception {
        PipelineV4Handler h = handler(Map.of());
        JsonNode dq = Invocation.invoke(h, "{\"phase\": \"DQ\", \"asOf\": \"2026-03-11T06:00:00Z\"}");
        assertThat(dq.path("status").asText()).as(dq.toString()).isEqualTo("OK");
        String runId = dq.path("runId").asText();
        // the run's lease expired (a phase longer than LEASE_TTL_SECONDS) and another run took it
        db.execute("UPDATE reporting.pipeline_lease SET run_id = gen_random_uuid(), holder = 'bp010-pipeline-v4/other',"
                + " expires_at = now() + interval '10 minutes'");

        JsonNode transform = Invocation.invoke(h, "{\"phase\": \"TRANSFORM\", \"runId\": \"" + runId + "\"}");

        assertThat(transform.path("status").asText()).as(transform.toString()).isEqualTo("SKIPPED_LOCKED");
        assertThat(transform.path("message").asText()).isEqualTo("another pipeline run holds the lease: TRANSFORM of"
                + " run " + runId + " did not run; once that run ends (reporting.pipeline_lease names it), send"
                + " {\"phase\": \"TRANSFORM\", \"runId\": \"" + runId + "\"} again for each phase not done, or let"
                + " the next scheduled run recompute its window");
        List<JsonNode> documents = documents();
        assertThat(documents).as("the run's, from the step that ended it").hasSize(1);
        assertThat(documents.get(0).path("PipelineSkippedLocked").asInt()).isEqualTo(1);
        assertThat(documents.get(0).path("PipelineNeedsAttention").asInt()).isEqualTo(1);
        assertThat(documents.get(0).path("Attention").asText()).isEqualTo("PHASE_SKIPPED_LOCKED");
    }

    @Test
    void shouldPublishNeedsAttentionWithTheRun_whenAnExplicitWindowHasNoReading() throws Exception {
        JsonNode r = Invocation.invoke(handler(Map.of()), """
                {"fechaInicio": "2026-01-05", "fechaFin": "2026-01-06", "asOf": "2026-03-11T06:00:00Z"}""");

        assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("OK");
        assertThat(r.path("message").asText()).contains("no SCADA reading in the window 2026-01-05 .. 2026-01-06");
        List<JsonNode> documents = documents();
        assertThat(documents).hasSize(1);
        assertThat(documents.get(0).path("PipelineRuns").asInt()).isEqualTo(1);
        assertThat(documents.get(0).path("PipelineNeedsAttention").asInt()).isEqualTo(1);
        assertThat(documents.get(0).path("Attention").asText()).isEqualTo("EMPTY_WINDOW");
        assertThat(documents.get(0).path("Message").asText()).contains("give fechaInicio and fechaFin within them");
    }

    @Test
    void shouldPublishNoAttention_whenAnIncrementalRunAsksForNothing() throws Exception {
        JsonNode r = Invocation.invoke(handler(Map.of()), "{\"asOf\": \"2026-03-11T06:00:00Z\"}");

        assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("OK");
        assertThat(r.has("message")).as(r.toString()).isFalse();
        List<JsonNode> documents = documents();
        assertThat(documents).hasSize(1);
        assertThat(declared(documents.get(0))).contains("PipelineNeedsAttention");
        assertThat(documents.get(0).path("PipelineNeedsAttention").isNumber()).isTrue();
        assertThat(documents.get(0).path("PipelineNeedsAttention").asInt()).isZero();
        assertThat(documents.get(0).has("Attention")).isFalse();
    }
}
