package com.bp010.pipeline;

import com.bp010.testsupport.TableChecksums;
import com.bp010.db.Bp010Exception;
import com.bp010.db.EmbeddedMetrics;
import com.bp010.db.Env;
import com.bp010.db.ErrorCode;
import com.bp010.db.LazyDatabase;
import com.bp010.db.TimeBudgetException;
import com.bp010.testsupport.Invocation;
import com.bp010.testsupport.ScriptedContext;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The time budget per phase, through the handler: a TRANSFORM step whose Lambda context runs short stops with the
 * retryable TIME_BUDGET after committing some of its day chunks and recording how far it got; the retry (the state
 * machine's, the same event) resumes there, and the run ends with the same business tables as one uninterrupted run.
 * For an explicit window and for an incremental run (its scope cut into the same day chunks).
 */
class PhaseTimeBudgetIT {
    private static final String AS_OF = "2026-03-11T23:30:00Z";
    private static final Set<String> RUN_LOGS = Set.of("reporting.pipeline_runs", "reporting.pipeline_run_phases",
            "reporting.pipeline_lease", "stage.tbl_dq_run_summary", "reporting.pipeline_run_alcance");
    /** The default margin (TIME_BUDGET_MARGIN_SECONDS) plus 10 minutes, then plus half a second: below the minimum. */
    private static final int PLENTY = 30_000 + 600_000;
    private static final int SCARCE = 30_000 + 500;

    /** Two wells, four days of hourly readings with counters (deltas cross every midnight), one counter restart. */
    private static TestDatabase field() {
        TestDatabase db = TestDatabase.migrated();
        PipelineSqlFixture.loadCatalogue(db);   // the DQ rules: range failures and master-data rules
        db.execute("""
                INSERT INTO stage.tbl_pozo_maestra (well_id, nombre_pozo, profundidad_bomba, profundidad_media_perforados,
                       profundidad_yacimiento, api_gravity, sg_agua, diametro_piston, peso_varillas_aire)
                VALUES ('TB-1', 'Budget one', 5000, 5200, 5300, 35, 1.07, 1.5, 9350),
                       ('TB-2', 'Budget two', 4800, 5000, 5100, 30, 1.05, 1.75, 8800);
                INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, casing_head_pressure,
                       well_head_pressure, fluid_level, oil_rate, water_rate, liquid_rate, strokes_per_minute,
                       stroke_length, energy_kwh, runtime_hours, dynacard)
                SELECT w.well_id, TIMESTAMPTZ '2026-03-08T00:00:00Z' + make_interval(hours => h), 50 + h % 7,
                       100 + h % 5, 4000 - h, 52 + h % 3, 78, 130 + h % 3, CASE WHEN h % 29 = 0 THEN 0 ELSE 8 END,
                       86, CASE WHEN w.well_id = 'TB-2' AND h >= 50 THEN 10 * (h - 49) ELSE 1000 + 10 * (h + 1) END,
                       500 + (h + 1) * 20.0 / 24,
                       '{"position": [0, 40, 86, 40, 0], "load": [5000, 9000, 9000, 5200, 5000]}'
                  FROM generate_series(-1, 4 * 24 - 1) h
                 CROSS JOIN (VALUES ('TB-1'), ('TB-2')) w(well_id);
                """);
        return db;
    }

    private static PipelineV4Handler handler(TestDatabase db) {
        return new PipelineV4Handler(LazyDatabase.of(db.database()), PipelineSettings.fromEnv(Env.of(db.env())),
                EmbeddedMetrics.disabled(), Env.of(Map.of()), Clock.fixed(Instant.parse(AS_OF), ZoneOffset.UTC));
    }

    private static String window(boolean explicit) {
        return explicit ? "\"fechaInicio\": \"2026-03-08\", \"fechaFin\": \"2026-03-11\", " : "";
    }

    @ParameterizedTest(name = "explicit window: {0}")
    @ValueSource(booleans = {true, false})
    void shouldResumeFromTheRecordedChunk_whenTheTimeBudgetRunsOut_andEndLikeOneUninterruptedRun(boolean explicit) {
        try (TestDatabase reference = field(); TestDatabase interrupted = field()) {
            JsonNode whole = Invocation.invoke(handler(reference), "{" + window(explicit) + "\"asOf\": \"" + AS_OF
                    + "\"}");
            assertThat(whole.path("status").asText()).as(whole.toString()).isEqualTo("OK");

            PipelineV4Handler steps = handler(interrupted);
            JsonNode opened = Invocation.invoke(steps, "{" + window(explicit) + "\"phase\": \"DQ\", \"asOf\": \""
                    + AS_OF + "\"}");
            assertThat(opened.path("status").asText()).as(opened.toString()).isEqualTo("OK");
            String runId = opened.path("runId").asText();
            String from = opened.path("window").path("from").asText();
            String to = opened.path("window").path("to").asText();
            assertThat(to).isEqualTo("2026-03-11");
            String transform = "{\"phase\": \"TRANSFORM\", \"runId\": \"" + runId + "\"}";

            // time for the card step (its one chunk: the budget read at its start, before the chunk and before its
            // write) and two statements, then less than the minimum: two day chunks commit, the third is not started
            ScriptedContext shortOfTime = new ScriptedContext("bp010-pipeline-v4", 3 + 2, PLENTY, SCARCE);
            TimeBudgetException outOfTime = catchThrowableOfType(
                    () -> Invocation.invoke(steps, transform, shortOfTime), TimeBudgetException.class);
            assertThat(outOfTime).as("TRANSFORM stops with TIME_BUDGET").isNotNull();
            assertThat(outOfTime.code()).isEqualTo(ErrorCode.TIME_BUDGET);
            assertThat(outOfTime.isRetryable()).isTrue();
            assertThat(outOfTime.failureReport().path("phase").asText()).isEqualTo("TRANSFORM");
            String secondDay = java.time.LocalDate.parse(from).plusDays(1).toString();
            String thirdDay = java.time.LocalDate.parse(from).plusDays(2).toString();
            assertThat(outOfTime.failureReport().path("resumeAt").asText()).contains(thirdDay);

            assertThat(interrupted.queryValue("SELECT hecho_hasta::text || '/' || tramos_hechos || '/' || status"
                    + " || '/' || (error ->> 'code') FROM reporting.pipeline_run_phases WHERE run_id = ?::uuid"
                    + " AND fase = 'TRANSFORM'", runId)).as("the recorded resume point")
                    .isEqualTo(secondDay + "/2/FAILED/TIME_BUDGET");
            assertThat(interrupted.count("SELECT count(*) FROM reporting.fact_operaciones_diarias WHERE fecha <= ?::date",
                    secondDay)).as("daily facts of the committed chunks").isGreaterThan(0);
            assertThat(interrupted.count("SELECT count(*) FROM reporting.fact_operaciones_diarias WHERE fecha > ?::date",
                    secondDay)).as("no facts past the resume point").isZero();
            assertThat(interrupted.queryValue("SELECT status FROM reporting.pipeline_runs WHERE run_id = ?::uuid",
                    runId)).isEqualTo("FAILED");
            assertThat(interrupted.count("SELECT count(*) FROM reporting.pipeline_lease")).as("lease released")
                    .isZero();

            // the state machine's retry: the same event, a fresh invocation with its whole time
            JsonNode resumed = Invocation.invoke(steps, transform);
            assertThat(resumed.path("status").asText()).as(resumed.toString()).isEqualTo("OK");
            List<String> loads = new ArrayList<>();
            resumed.path("phases").get(0).path("calls").forEach(call -> {
                if (call.path("call").asText().equals("reporting.sp_load_to_reporting")) {
                    loads.add(call.path("notices").toString());
                }
            });
            assertThat(loads).as("the retry loads only the chunks after the resume point")
                    .hasSize((int) java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.parse(thirdDay),
                            java.time.LocalDate.parse(to)) + 1);
            assertThat(loads.get(0)).contains(thirdDay).doesNotContain(secondDay + " ");
            assertThat(interrupted.queryValue("SELECT hecho_hasta::text || '/' || tramos_hechos || '/' || status"
                    + " FROM reporting.pipeline_run_phases WHERE run_id = ?::uuid AND fase = 'TRANSFORM'", runId))
                    .isEqualTo(to + "/" + (java.time.temporal.ChronoUnit.DAYS.between(
                            java.time.LocalDate.parse(from), java.time.LocalDate.parse(to)) + 1) + "/OK");

            for (String phase : List.of("ENRICH", "DEFAULTS", "CONSISTENCY")) {
                JsonNode step = Invocation.invoke(steps, "{\"phase\": \"" + phase + "\", \"runId\": \"" + runId
                        + "\"}");
                assertThat(step.path("status").asText()).as(step.toString()).isEqualTo("OK");
            }
            assertThat(interrupted.queryValue("SELECT status FROM reporting.pipeline_runs WHERE run_id = ?::uuid",
                    runId)).isEqualTo("OK");

            Map<String, TableChecksums.Sum> expected = TableChecksums.of(reference, RUN_LOGS);
            Map<String, TableChecksums.Sum> actual = TableChecksums.of(interrupted, RUN_LOGS);
            assertThat(TableChecksums.rows(expected)).isGreaterThan(0);
            assertThat(TableChecksums.differences(expected, actual)).as("tables that differ").isEmpty();
        }
    }

    @ParameterizedTest(name = "explicit window: {0}")
    @ValueSource(booleans = {true, false})
    void shouldWriteTheFactsOfOneLoadOverTheWholeWindow_whenTransformCommitsDayByDay(boolean explicit) {
        try (TestDatabase db = field()) {
            JsonNode run = Invocation.invoke(handler(db), "{" + window(explicit) + "\"phases\": [\"DQ\", \"TRANSFORM\"],"
                    + " \"asOf\": \"" + AS_OF + "\"}");
            assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("OK");
            assertThat(run.path("phases").get(1).path("calls").size())
                    .as("the card step, four day chunks and the current values").isEqualTo(explicit ? 6 : 7);
            Map<String, TableChecksums.Sum> chunked = TableChecksums.of(db, RUN_LOGS);
            // the whole window (an incremental run: its whole scope) loaded again in one call changes nothing
            db.execute("CALL reporting.sp_load_to_reporting('" + run.path("window").path("from").asText()
                    + "'::date, '" + run.path("window").path("to").asText() + "'::date, true, true, true, NULL, '"
                    + run.path("runId").asText() + "'::uuid)");
            assertThat(TableChecksums.differences(chunked, TableChecksums.of(db, RUN_LOGS)))
                    .as("tables an unchunked load of the whole window changes").isEmpty();
        }
    }

    @ParameterizedTest(name = "explicit window: {0}")
    @ValueSource(booleans = {true})
    void shouldFailWithoutRetry_whenNotEvenTheFirstChunkFits(boolean explicit) {
        try (TestDatabase db = field()) {
            PipelineV4Handler steps = handler(db);
            JsonNode opened = Invocation.invoke(steps, "{" + window(explicit) + "\"phase\": \"DQ\", \"asOf\": \""
                    + AS_OF + "\"}");
            String transform = "{\"phase\": \"TRANSFORM\", \"runId\": \"" + opened.path("runId").asText() + "\"}";
            Bp010Exception failure = catchThrowableOfType(() -> Invocation.invoke(steps, transform,
                    new ScriptedContext("bp010-pipeline-v4", 0, PLENTY, SCARCE)), Bp010Exception.class);
            assertThat(failure.code()).isEqualTo(ErrorCode.TIME_BUDGET);
            assertThat(failure).as("a retry would not move on: not the retried type")
                    .isNotInstanceOf(TimeBudgetException.class);
            assertThat(failure.isRetryable()).isFalse();
            assertThat(failure.reason()).contains("raise the function timeout");
        }
    }
}
