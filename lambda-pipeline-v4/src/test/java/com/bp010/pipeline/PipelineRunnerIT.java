package com.bp010.pipeline;

import com.bp010.db.Bp010Exception;
import com.bp010.db.EmbeddedMetrics;
import com.bp010.db.Env;
import com.bp010.db.ErrorCode;
import com.bp010.db.LazyDatabase;
import com.bp010.db.TransientDatabaseException;
import com.bp010.testsupport.Invocation;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The run framework on its own: the phases' procedures are replaced by small recording ones, so what is tested here
 * is order, transactions, the run log, the watermark, the lease and the error contract (the real procedures have
 * their own tests, and PipelineEndToEndIT runs them together).
 */
class PipelineRunnerIT {
    private TestDatabase db;

    @BeforeEach
    void setUp() {
        db = TestDatabase.migrated();
        db.execute("""
                CREATE TABLE public.calls (n bigserial, call text, args text);
                GRANT ALL ON public.calls, public.calls_n_seq TO PUBLIC;
                DROP PROCEDURE IF EXISTS stage.sp_execute_dq_validation(date, date, text, uuid, timestamptz);
                CREATE PROCEDURE stage.sp_execute_dq_validation(p_fecha_inicio date, p_fecha_fin date,
                    p_well_id text DEFAULT NULL, p_run_id uuid DEFAULT NULL, p_as_of timestamptz DEFAULT now())
                LANGUAGE plpgsql AS $$ BEGIN
                    INSERT INTO public.calls (call, args) VALUES ('dq', p_fecha_inicio || '..' || p_fecha_fin);
                    INSERT INTO stage.tbl_dq_run_summary (run_id, rule_id, fecha, evaluated, passed, failed, not_evaluated)
                    VALUES (p_run_id, 'R1', p_fecha_inicio, 10, 9, 1, 2);
                    RAISE NOTICE 'dq % .. %', p_fecha_inicio, p_fecha_fin; END $$;
                DROP PROCEDURE IF EXISTS reporting.sp_load_to_reporting(date, date, boolean, boolean, boolean, text, uuid);
                CREATE PROCEDURE reporting.sp_load_to_reporting(p_fecha_inicio date, p_fecha_fin date, p_horario boolean,
                    p_diario boolean, p_mensual boolean, p_well_id text DEFAULT NULL, p_run_id uuid DEFAULT NULL)
                LANGUAGE plpgsql AS $$ BEGIN INSERT INTO public.calls (call) VALUES ('facts'); END $$;
                DROP PROCEDURE IF EXISTS reporting.actualizar_current_values_v4(uuid);
                CREATE PROCEDURE reporting.actualizar_current_values_v4(p_run_id uuid DEFAULT NULL)
                LANGUAGE plpgsql AS $$ BEGIN INSERT INTO public.calls (call) VALUES ('current'); END $$;
                DROP PROCEDURE IF EXISTS reporting.sp_sync_dim_pozo_targets();
                CREATE PROCEDURE reporting.sp_sync_dim_pozo_targets()
                LANGUAGE plpgsql AS $$ BEGIN INSERT INTO public.calls (call) VALUES ('targets');
                    DELETE FROM reporting.dimensiones_pendientes; END $$;
                DROP PROCEDURE IF EXISTS reporting.aplicar_evaluacion_universal(uuid, timestamptz, boolean);
                CREATE PROCEDURE reporting.aplicar_evaluacion_universal(p_run_id uuid DEFAULT NULL,
                    p_as_of timestamptz DEFAULT now(), p_solo_cambios boolean DEFAULT false)
                LANGUAGE plpgsql AS $$ BEGIN INSERT INTO public.calls (call, args) VALUES ('semaforos', p_as_of::text); END $$;
                DROP PROCEDURE IF EXISTS reporting.sp_calcular_derivados_completos(date, date, uuid, boolean);
                CREATE PROCEDURE reporting.sp_calcular_derivados_completos(p_fecha_inicio date DEFAULT NULL,
                    p_fecha_fin date DEFAULT NULL, p_run_id uuid DEFAULT NULL, p_carta_al_puente boolean DEFAULT false)
                LANGUAGE plpgsql AS $$ BEGIN INSERT INTO public.calls (call) VALUES ('derivados'); END $$;
                DROP PROCEDURE IF EXISTS reporting.poblar_kpi_business(date, date, uuid);
                CREATE PROCEDURE reporting.poblar_kpi_business(p_fecha_inicio date DEFAULT NULL,
                    p_fecha_fin date DEFAULT NULL, p_run_id uuid DEFAULT NULL)
                LANGUAGE plpgsql AS $$ BEGIN INSERT INTO public.calls (call) VALUES ('kpi'); END $$;
                DROP FUNCTION IF EXISTS reporting.fnc_ml_bridges_pendientes();
                CREATE FUNCTION reporting.fnc_ml_bridges_pendientes() RETURNS text[]
                LANGUAGE sql AS $$ SELECT ARRAY['IPR']::text[] $$;
                DROP PROCEDURE IF EXISTS reporting.sp_sync_ipr_to_reporting(uuid);
                CREATE PROCEDURE reporting.sp_sync_ipr_to_reporting(p_run_id uuid DEFAULT NULL)
                LANGUAGE plpgsql AS $$ BEGIN INSERT INTO public.calls (call) VALUES ('ipr'); END $$;
                DROP PROCEDURE IF EXISTS reporting.sp_populate_defaults();
                CREATE PROCEDURE reporting.sp_populate_defaults()
                LANGUAGE plpgsql AS $$ BEGIN INSERT INTO public.calls (call) VALUES ('defaults'); END $$;
                DROP PROCEDURE IF EXISTS stage.sp_execute_consistency_validation(uuid, timestamptz);
                CREATE PROCEDURE stage.sp_execute_consistency_validation(p_run_id uuid DEFAULT NULL,
                    p_as_of timestamptz DEFAULT now())
                LANGUAGE plpgsql AS $$ BEGIN
                    INSERT INTO public.calls (call) VALUES ('consistency');
                    INSERT INTO stage.tbl_consistency_results (run_id, codigo, well_id, valor_medido, valor_referencia)
                    VALUES (p_run_id, 'RC-005', 'W-1', 6000, 5000) ON CONFLICT DO NOTHING; END $$;
                """);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private PipelineV4Handler handler() {
        return handler(Map.of());
    }

    private PipelineV4Handler handler(Map<String, String> extra) {
        var env = new java.util.HashMap<>(db.env());
        // the stubs above write fixed rows and count calls: one connection, one call each (PipelineParallelismIT
        // covers the buckets)
        env.put("PIPELINE_PARALLELISM", "1");
        env.putAll(extra);
        return new PipelineV4Handler(LazyDatabase.of(db.database()), PipelineSettings.fromEnv(Env.of(env)),
                EmbeddedMetrics.disabled());
    }

    private void production(String wellId, String timestamp) {
        db.execute("INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, oil_rate) VALUES ('"
                + wellId + "', '" + timestamp + "', 100) ON CONFLICT (well_id, timestamp_lectura)"
                + " DO UPDATE SET oil_rate = 101, pivot_xid = pg_current_xact_id()");
    }

    private List<String> calls() {
        List<String> calls = new ArrayList<>();
        try (var c = db.connect(); var rs = c.createStatement().executeQuery("SELECT call FROM public.calls ORDER BY n")) {
            while (rs.next()) {
                calls.add(rs.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return calls;
    }

    @Test
    void shouldRunTheFivePhasesInOrderAndReport_whenGivenAnExplicitWindow() {
        JsonNode r = Invocation.invoke(handler(),
                "{\"fechaInicio\":\"2026-11-01\",\"fechaFin\":\"2026-11-02\",\"asOf\":\"2026-11-03T00:00:00Z\"}");

        assertThat(r.get("status").asText()).isEqualTo("OK");
        assertThat(r.get("window").get("from").asText()).isEqualTo("2026-11-01");
        assertThat(r.get("window").get("to").asText()).isEqualTo("2026-11-02");
        assertThat(r.get("asOf").asText()).isEqualTo("2026-11-03T00:00:00Z");
        assertThat(r.get("phases").findValuesAsText("phase"))
                .containsExactly("DQ", "TRANSFORM", "ENRICH", "DEFAULTS", "CONSISTENCY");
        assertThat(r.get("phases").findValuesAsText("status")).containsOnly("OK");
        assertThat(r.get("phases").get(0).get("calls").get(0).get("call").asText())
                .isEqualTo("stage.sp_execute_dq_validation");
        assertThat(r.get("phases").get(0).get("calls").get(0).get("notices").get(0).asText())
                .isEqualTo("dq 2026-11-01 .. 2026-11-02");
        // TRANSFORM loads its facts one committed day at a time (two days), then the current values once
        assertThat(calls()).containsExactly("dq", "facts", "facts", "current", "targets", "semaforos", "derivados",
                "kpi", "ipr", "defaults", "consistency");
        JsonNode dq = r.get("dq");
        assertThat(dq.get("evaluated").asLong()).isEqualTo(10);
        assertThat(dq.get("notEvaluated").asLong()).isEqualTo(2);
        assertThat(dq.get("score").asDouble()).isEqualTo(0.9);
        JsonNode consistency = r.get("consistency");
        assertThat(consistency.get("violations").asLong()).isEqualTo(1);
        assertThat(consistency.get("byRule").fieldNames()).toIterable()
                .containsExactly("RC-001", "RC-002", "RC-003", "RC-004", "RC-005", "RC-006", "VC-001", "VC-002",
                        "VC-003", "VC-004", "VC-005");
        assertThat(consistency.get("byRule").get("RC-005").asLong()).isEqualTo(1);
        UUID runId = UUID.fromString(r.get("runId").asText());
        assertThat(db.queryValue("SELECT status FROM reporting.pipeline_runs WHERE run_id = ?", runId)).isEqualTo("OK");
        assertThat(db.count("SELECT count(*) FROM reporting.pipeline_run_phases WHERE run_id = ? AND status = 'OK'",
                runId)).isEqualTo(5);
        assertThat(db.count("SELECT count(*) FROM reporting.pipeline_lease")).isZero();
    }

    @Test
    void shouldSayTheWindowHoldsNoReadingAndNameTheDaysThatDo_whenAnExplicitWindowHasNone() {
        JsonNode before = Invocation.invoke(handler(),
                "{\"fechaInicio\":\"2026-11-20\",\"fechaFin\":\"2026-11-20\",\"asOf\":\"2026-11-23T00:00:00Z\"}");
        assertThat(before.get("status").asText()).isEqualTo("OK");
        assertThat(before.get("message").asText()).as("nothing ingested yet").contains(
                "no SCADA reading in the window 2026-11-20 .. 2026-11-20", "no reading has been ingested yet");

        production("W-1", "2026-11-20T10:00:00Z");
        production("W-2", "2026-11-22T23:00:00Z");
        // a mistyped year: the phases run (an explicit window is recomputed exactly) and the answer says why it is empty
        JsonNode wrongYear = Invocation.invoke(handler(),
                "{\"fechaInicio\":\"2025-11-20\",\"fechaFin\":\"2025-11-22\",\"asOf\":\"2026-11-23T00:00:00Z\"}");
        assertThat(wrongYear.get("status").asText()).isEqualTo("OK");
        assertThat(wrongYear.get("message").asText()).isEqualTo("no SCADA reading in the window 2025-11-20 .. 2025-11-22"
                + " (calendar days in BP010_TIMEZONE): there was nothing to compute; the readings span 2026-11-20 .."
                + " 2026-11-22: give fechaInicio and fechaFin within them, or leave both out for the new readings");
        // one well's window: that well's readings
        db.execute("INSERT INTO stage.tbl_pozo_maestra (well_id) VALUES ('W-2') ON CONFLICT DO NOTHING");
        JsonNode oneWell = Invocation.invoke(handler(), "{\"fechaInicio\":\"2026-11-20\",\"fechaFin\":\"2026-11-21\","
                + "\"wellId\":\"W-2\",\"asOf\":\"2026-11-23T00:00:00Z\"}");
        assertThat(oneWell.get("message").asText()).contains("window 2026-11-20 .. 2026-11-21 for well W-2",
                "the readings for well W-2 span 2026-11-22 .. 2026-11-22");
        // a window with a reading says nothing of the kind
        JsonNode withData = Invocation.invoke(handler(),
                "{\"fechaInicio\":\"2026-11-22\",\"fechaFin\":\"2026-11-22\",\"asOf\":\"2026-11-23T00:00:00Z\"}");
        assertThat(withData.path("message").asText("")).doesNotContain("no SCADA reading");
    }

    @Test
    void shouldCoverOnlyWhatChanged_andAnswerNothingToDo_whenRunWithoutAWindow() {
        production("W-1", "2026-11-20T10:00:00Z");
        production("W-2", "2026-11-22T23:00:00Z");

        JsonNode first = Invocation.invoke(handler(), "{\"asOf\":\"2026-11-23T00:00:00Z\"}");
        assertThat(first.get("status").asText()).isEqualTo("OK");
        assertThat(first.get("window").get("from").asText()).isEqualTo("2026-11-20");
        assertThat(first.get("window").get("to").asText()).isEqualTo("2026-11-22");

        JsonNode second = Invocation.invoke(handler(), "{\"asOf\":\"2026-11-23T01:00:00Z\"}");
        assertThat(second.get("status").asText()).isEqualTo("NOTHING_TO_DO");
        assertThat(second.get("phases").get(0).get("calls").get(0).get("call").asText())
                .isEqualTo("reporting.aplicar_evaluacion_universal");

        production("W-1", "2026-11-23T05:00:00Z");
        production("W-2", "2026-11-22T23:00:00Z");
        JsonNode third = Invocation.invoke(handler(), "{\"asOf\":\"2026-11-23T06:00:00Z\"}");
        assertThat(third.get("status").asText()).isEqualTo("OK");
        // the scope: each new reading's hour, back to the hour of its well's second reading before it (W-1's only
        // earlier one is on the 20th: its counter delta and time weight reach back there), at least the hour before
        assertThat(third.get("window").get("from").asText()).isEqualTo("2026-11-20");
        assertThat(third.get("window").get("to").asText()).isEqualTo("2026-11-23");
        assertThat(scope(third.get("runId").asText())).containsExactly(
                "W-1 2026-11-20T10:00Z .. 2026-11-23T06:00Z", "W-2 2026-11-22T22:00Z .. 2026-11-23T00:00Z");
    }

    @Test
    void shouldApplyAPendingEditOfTheDimensions_andStillAnswerNothingToDo_whenNoReadingArrived() {
        production("W-1", "2026-11-22T10:00:00Z");
        assertThat(Invocation.invoke(handler(), "{\"asOf\":\"2026-11-23T00:00:00Z\"}").get("status").asText())
                .isEqualTo("OK");
        db.execute("DELETE FROM public.calls");

        // an operator's edit the targets sync applies (R__34 marks it), no new reading
        db.execute("INSERT INTO referencial.tbl_config_kpi (kpi, well_id, target, fuente)"
                + " VALUES ('kwh_por_bbl', 'W-1', 4.0, 'operador')");
        JsonNode edited = Invocation.invoke(handler(), "{\"asOf\":\"2026-11-23T01:00:00Z\"}");

        assertThat(edited.get("status").asText()).as("%s", edited).isEqualTo("DIMENSIONS_SYNCED");
        assertThat(edited.has("window")).isFalse();
        assertThat(edited.get("phases").findValuesAsText("phase")).containsExactly("ENRICH", "DEFAULTS", "CONSISTENCY");
        assertThat(edited.get("message").asText()).contains("no production rows written since the last complete run",
                "dimensions synced");
        assertThat(edited.get("consistency").get("violations").asLong()).isEqualTo(1);
        assertThat(calls()).containsExactly("targets", "semaforos", "defaults", "consistency");
        UUID runId = UUID.fromString(edited.get("runId").asText());
        assertThat(db.queryValue("SELECT status FROM reporting.pipeline_runs WHERE run_id = ?", runId))
                .isEqualTo("DIMENSIONS_SYNCED");
        assertThat(db.count("SELECT count(*) FROM reporting.pipeline_run_phases WHERE run_id = ? AND status = 'OK'",
                runId)).isEqualTo(3);
        assertThat(db.count("SELECT count(*) FROM reporting.pipeline_lease")).isZero();

        // the idle hour after it: the staleness step alone
        db.execute("DELETE FROM public.calls");
        JsonNode idle = Invocation.invoke(handler(), "{\"asOf\":\"2026-11-23T02:00:00Z\"}");
        assertThat(idle.get("status").asText()).isEqualTo("NOTHING_TO_DO");
        assertThat(calls()).containsExactly("semaforos");
        // a joining phase finds the run ended
        assertThat(Invocation.invoke(handler(), "{\"phase\":\"TRANSFORM\",\"runId\":\"" + runId + "\"}")
                .get("status").asText()).isEqualTo("DIMENSIONS_SYNCED");
    }

    @Test
    void shouldApplyAPendingEditOfTheDimensionsInTheGlobalStep_whenNoWellGroupHadAnythingToRecompute() {
        production("W-1", "2026-11-22T10:00:00Z");
        assertThat(Invocation.invoke(handler(), "{\"asOf\":\"2026-11-23T00:00:00Z\"}").get("status").asText())
                .isEqualTo("OK");
        db.execute("INSERT INTO referencial.tbl_config_kpi (kpi, well_id, target, fuente)"
                + " VALUES ('kwh_por_bbl', 'W-1', 4.0, 'operador')");
        db.execute("DELETE FROM public.calls");

        // the group's run leaves the edit to the global step (its phases run once for every group)
        JsonNode group = Invocation.invoke(handler(),
                "{\"wellGroup\": {\"wells\": [\"W-1\"]}, \"asOf\": \"2026-11-23T01:00:00Z\"}");
        assertThat(group.get("status").asText()).as("%s", group).isEqualTo("NOTHING_TO_DO");
        assertThat(calls()).isEmpty();
        JsonNode global = Invocation.invoke(handler(), "{\"phase\": \"GLOBAL\", \"groupRuns\": [\""
                + group.get("runId").asText() + "\"]}");

        assertThat(global.get("status").asText()).as("%s", global).isEqualTo("DIMENSIONS_SYNCED");
        assertThat(global.get("message").asText()).contains("no well group had anything to recompute",
                "dimensions synced");
        assertThat(calls()).containsExactly("targets", "semaforos", "defaults", "consistency");
        assertThat(db.count("SELECT count(*) FROM reporting.pipeline_lease")).isZero();
    }

    private List<String> scope(String runId) {
        List<String> ranges = new ArrayList<>();
        try (var c = db.connect(); var ps = c.prepareStatement("SELECT well_id, desde, hasta"
                + " FROM reporting.pipeline_run_alcance WHERE run_id = ?::uuid ORDER BY well_id, desde")) {
            ps.setString(1, runId);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    ranges.add(rs.getString(1) + " " + utc(rs.getObject(2, java.time.OffsetDateTime.class)) + " .. "
                            + utc(rs.getObject(3, java.time.OffsetDateTime.class)));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return ranges;
    }

    private static java.time.OffsetDateTime utc(java.time.OffsetDateTime t) {
        return t.withOffsetSameInstant(java.time.ZoneOffset.UTC);
    }

    @Test
    void shouldNotMoveTheWatermark_whenTheWindowIsExplicitOrTheRunIsPartial() {
        production("W-1", "2026-11-20T10:00:00Z");
        Invocation.invoke(handler(), "{\"fechaInicio\":\"2026-11-20\",\"fechaFin\":\"2026-11-20\"}");
        Invocation.invoke(handler(), "{\"phases\":[\"DQ\",\"TRANSFORM\"]}");

        JsonNode r = Invocation.invoke(handler(), "{}");

        assertThat(r.get("status").asText()).isEqualTo("OK");
        assertThat(r.get("window").get("from").asText()).isEqualTo("2026-11-20");
    }

    @Test
    void shouldBoundTheFirstRunByLookbackDays() {
        production("W-1", "2020-01-01T00:00:00Z");
        production("W-1", "2026-11-20T00:00:00Z");

        JsonNode r = Invocation.invoke(handler(Map.of("LOOKBACK_DAYS", "30")), "{\"asOf\":\"2026-11-23T00:00:00Z\"}");

        assertThat(r.get("window").get("from").asText()).isEqualTo("2026-10-24");
        assertThat(r.get("window").get("to").asText()).isEqualTo("2026-11-20");
    }

    @Test
    void shouldSkip_whenAnotherLiveRunHoldsTheLease_andTakeItOver_whenItExpired() {
        UUID other = UUID.randomUUID();
        db.execute("INSERT INTO reporting.pipeline_lease (run_id, holder, expires_at) VALUES ('" + other
                + "', 'someone', now() + interval '10 minutes')");
        JsonNode skipped = Invocation.invoke(handler(), "{\"fechaInicio\":\"2026-11-01\"}");
        assertThat(skipped.get("status").asText()).isEqualTo("SKIPPED_LOCKED");
        assertThat(calls()).isEmpty();
        // the message names the holder, when its lease ends, and the phase-by-runId way to end a run left by hand
        assertThat(skipped.get("message").asText()).startsWith("another pipeline run holds the lease: run " + other
                        + " (someone, phases done: none yet) until ")
                .contains("{\"phase\": \"<PHASE>\", \"runId\": \"" + other + "\"}")
                .contains("wait until the lease expires");

        db.execute("UPDATE reporting.pipeline_lease SET expires_at = now() - interval '1 second'");
        JsonNode taken = Invocation.invoke(handler(), "{\"fechaInicio\":\"2026-11-01\",\"fechaFin\":\"2026-11-01\"}");
        assertThat(taken.get("status").asText()).isEqualTo("OK");
        assertThat(db.count("SELECT count(*) FROM reporting.pipeline_lease")).isZero();
    }

    @Test
    void shouldGiveOneOkAndOneSkippedLocked_whenTwoRunsOverlap() throws Exception {
        db.execute("""
                CREATE OR REPLACE PROCEDURE reporting.sp_populate_defaults()
                LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(1.5); END $$;""");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<JsonNode> run = () -> Invocation.invoke(handler(),
                    "{\"fechaInicio\":\"2026-11-01\",\"fechaFin\":\"2026-11-01\"}");
            Future<JsonNode> a = pool.submit(run);
            Thread.sleep(300);
            Future<JsonNode> b = pool.submit(run);
            assertThat(List.of(a.get().get("status").asText(), b.get().get("status").asText()))
                    .containsExactlyInAnyOrder("OK", "SKIPPED_LOCKED");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldStopAndReportThePhaseAndCall_whenAPhaseFails() {
        db.execute("""
                CREATE OR REPLACE PROCEDURE reporting.actualizar_current_values_v4(p_run_id uuid DEFAULT NULL)
                LANGUAGE plpgsql AS $$ BEGIN
                    INSERT INTO public.calls (call) VALUES ('current-half-done');
                    RAISE EXCEPTION 'boom in current values' USING ERRCODE = '22012'; END $$;""");

        assertThatThrownBy(() -> Invocation.invoke(handler(), "{\"fechaInicio\":\"2026-11-01\"}"))
                .isInstanceOfSatisfying(Bp010Exception.class, e -> {
                    assertThat(e).isNotInstanceOf(TransientDatabaseException.class);
                    assertThat(e.code()).isEqualTo(ErrorCode.DATABASE);
                    assertThat(e.detail("phase")).isEqualTo("TRANSFORM");
                    assertThat(e.detail("call")).isEqualTo("reporting.actualizar_current_values_v4");
                    assertThat(e.detail("sqlState")).isEqualTo("22012");
                    assertThat(e.getMessage()).contains("\"status\":\"FAILED\"").contains("boom in current values");
                });
        // DQ committed on its own, and TRANSFORM's day chunks on theirs (its resume point); the failing current
        // values rolled back (the half-done call); nothing after it ran.
        assertThat(calls()).first().isEqualTo("dq");
        assertThat(calls().subList(1, calls().size())).isNotEmpty().containsOnly("facts");
        assertThat(db.queryValue("SELECT tramos_hechos FROM reporting.pipeline_run_phases WHERE fase = 'TRANSFORM'"))
                .isEqualTo(calls().size() - 1);
        assertThat(db.queryValue("SELECT status FROM reporting.pipeline_runs")).isEqualTo("FAILED");
        assertThat(db.queryValue("SELECT status FROM reporting.pipeline_run_phases WHERE fase = 'TRANSFORM'"))
                .isEqualTo("FAILED");
        assertThat(db.count("SELECT count(*) FROM reporting.pipeline_run_phases WHERE fase = 'ENRICH'")).isZero();
        assertThat(db.count("SELECT count(*) FROM reporting.pipeline_lease")).isZero();
    }

    @Test
    void shouldThrowTheRetryableType_whenThePhaseHitsASerializationFailure() {
        db.execute("""
                CREATE OR REPLACE PROCEDURE reporting.sp_populate_defaults()
                LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '40001'; END $$;""");

        assertThatThrownBy(() -> Invocation.invoke(handler(), "{\"fechaInicio\":\"2026-11-01\"}"))
                .isInstanceOfSatisfying(TransientDatabaseException.class, e -> {
                    assertThat(e.detail("phase")).isEqualTo("DEFAULTS");
                    assertThat(e.getMessage()).contains("\"retryable\":true");
                });
    }

    @Test
    void shouldJoinTheRunAndKeepItsWindow_whenPhasesArriveOneByOne() {
        production("W-1", "2026-11-20T10:00:00Z");
        JsonNode first = Invocation.invoke(handler(), "{\"phase\":\"DQ\",\"asOf\":\"2026-11-21T00:00:00Z\"}");
        String runId = first.get("runId").asText();
        assertThat(first.get("status").asText()).isEqualTo("OK");
        assertThat(db.queryValue("SELECT status FROM reporting.pipeline_runs")).isEqualTo("RUNNING");
        assertThat(db.count("SELECT count(*) FROM reporting.pipeline_lease")).isEqualTo(1);
        JsonNode intruder = Invocation.invoke(handler(), "{\"fechaInicio\":\"2026-11-01\"}");
        assertThat(intruder.get("status").asText()).isEqualTo("SKIPPED_LOCKED");

        for (String phase : List.of("TRANSFORM", "ENRICH", "DEFAULTS", "CONSISTENCY")) {
            JsonNode r = Invocation.invoke(handler(), "{\"phase\":\"" + phase + "\",\"runId\":\"" + runId + "\"}");
            assertThat(r.get("runId").asText()).isEqualTo(runId);
            assertThat(r.get("window").get("from").asText()).isEqualTo("2026-11-20");
            assertThat(r.get("asOf").asText()).isEqualTo("2026-11-21T00:00:00Z");
            assertThat(r.get("phases").get(0).get("phase").asText()).isEqualTo(phase);
        }
        assertThat(db.queryValue("SELECT status FROM reporting.pipeline_runs WHERE run_id = ?::uuid", runId))
                .isEqualTo("OK");
        assertThat(db.count("SELECT count(*) FROM reporting.pipeline_lease")).isZero();
        assertThat(Invocation.invoke(handler(), "{}").get("status").asText()).isEqualTo("NOTHING_TO_DO");
    }

    /**
     * A phase sent by hand ({"phase":"DQ"}) that no other phase joins left its run RUNNING in the run log for ever
     * (the lease expires, the row did not). The next run that takes the lease closes it as FAILED, its error saying it
     * never completed and what to do; a run whose lease is still held (a Step Functions execution between phases, here a
     * well group's) is never touched, nor is the hand-sent run while its own lease lives. Fails on main (stays RUNNING).
     */
    @Test
    void shouldCloseARunLeftRunningByHand_whenItsLeaseExpired_butNeverOneWhoseLeaseIsHeld() {
        production("W-1", "2026-11-20T10:00:00Z");
        String byHand = Invocation.invoke(handler(), "{\"phase\":\"DQ\",\"asOf\":\"2026-11-21T00:00:00Z\"}")
                .get("runId").asText();
        UUID live = UUID.randomUUID();
        db.execute("INSERT INTO reporting.pipeline_runs (run_id, status, trigger, as_of, fases, grupo)"
                + " VALUES ('" + live + "', 'RUNNING', 'phase', now(), '{DQ}', 'north')");
        db.execute("INSERT INTO reporting.pipeline_lease (lease_name, run_id, holder, expires_at) VALUES ('"
                + WellGroup.leaseName("north") + "', '" + live + "', 'step functions', now() + interval '10 minutes')");

        // its lease still held: another run is skipped and closes nothing
        assertThat(Invocation.invoke(handler(), "{\"fechaInicio\":\"2026-11-01\"}").get("status").asText())
                .isEqualTo("SKIPPED_LOCKED");
        assertThat(db.queryValue("SELECT status FROM reporting.pipeline_runs WHERE run_id = ?::uuid", byHand))
                .isEqualTo("RUNNING");

        db.execute("UPDATE reporting.pipeline_lease SET expires_at = now() - interval '1 second'"
                + " WHERE run_id = '" + byHand + "'");
        JsonNode next = Invocation.invoke(handler(), "{\"fechaInicio\":\"2026-11-01\",\"fechaFin\":\"2026-11-01\"}");
        assertThat(next.get("status").asText()).isEqualTo("OK");

        assertThat(db.queryValue("SELECT status FROM reporting.pipeline_runs WHERE run_id = ?::uuid", byHand))
                .isEqualTo("FAILED");
        assertThat(db.queryValue("SELECT error ->> 'code' FROM reporting.pipeline_runs WHERE run_id = ?::uuid", byHand))
                .isEqualTo("ABANDONED");
        assertThat((String) db.queryValue("SELECT error ->> 'message' FROM reporting.pipeline_runs"
                + " WHERE run_id = ?::uuid", byHand)).contains("never completed").contains("closed by run " + next.get("runId").asText())
                .contains("\"runId\"");
        assertThat(db.count("SELECT count(*) FROM reporting.pipeline_runs WHERE run_id = '" + byHand + "'"
                + " AND finished_at IS NOT NULL AND finished_at <= now()")).isEqualTo(1);
        // its DQ phase finished OK and stays so
        assertThat(db.queryValue("SELECT status FROM reporting.pipeline_run_phases WHERE run_id = ?::uuid AND fase = 'DQ'",
                byHand)).isEqualTo("OK");
        assertThat(db.queryValue("SELECT status FROM reporting.pipeline_runs WHERE run_id = ?::uuid", live.toString()))
                .isEqualTo("RUNNING");

        // closed is not lost: the phases not done can still join it
        JsonNode joined = Invocation.invoke(handler(), "{\"phase\":\"TRANSFORM\",\"runId\":\"" + byHand + "\"}");
        assertThat(joined.get("runId").asText()).isEqualTo(byHand);
        assertThat(db.queryValue("SELECT status FROM reporting.pipeline_runs WHERE run_id = ?::uuid", byHand))
                .isEqualTo("RUNNING");
    }

    @Test
    void shouldRejectBadEvents() {
        for (String bad : List.of("{\"phase\":\"DQ\",\"phases\":[\"DQ\"]}", "{\"phase\":\"BOGUS\"}",
                "{\"fechaInicio\":\"2026-13-01\"}", "{\"fechaInicio\":\"2026-11-02\",\"fechaFin\":\"2026-11-01\"}",
                "{\"runId\":\"not-a-uuid\"}", "{\"wellId\":\"x'; DROP TABLE stage.tbl_pozo_maestra; --\"}",
                "{\"runId\":\"" + UUID.randomUUID() + "\"}")) {
            assertThatThrownBy(() -> Invocation.invoke(handler(), bad)).as(bad)
                    .isInstanceOfSatisfying(Bp010Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_EVENT));
        }
        assertThat(calls()).isEmpty();
    }
}
