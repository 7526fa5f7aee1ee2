package com.bp010.pipeline;

import com.bp010.db.Bp010Exception;
import com.bp010.db.EmbeddedMetrics;
import com.bp010.db.Env;
import com.bp010.db.LazyDatabase;
import com.bp010.testsupport.Invocation;
import com.bp010.testsupport.TableChecksums;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Intra-run parallelism (docs/SCALE.md §6, PIPELINE_PARALLELISM): the same data run with 1, 2 and 3 buckets of the
 * wells (the DQ call on as many connections) leaves the same business tables,
 * run summaries included, on a first run, an incremental run and an explicit window; each parallel call is one call of
 * the response with every bucket's notices; a bucket that fails fails the run, and the next run repairs the tables.
 */
class PipelineParallelismIT {
    private static final Set<String> RUN_LOGS = Set.of("reporting.pipeline_runs", "reporting.pipeline_run_phases",
            "reporting.pipeline_lease", "reporting.pipeline_run_alcance");
    private static final String FIRST = "{\"asOf\": \"2026-03-10T23:30:00Z\"}";
    private static final String NEXT = "{\"asOf\": \"2026-03-11T03:30:00Z\"}";
    private static final String WINDOW = "{\"fechaInicio\": \"2026-03-09\", \"fechaFin\": \"2026-03-11\","
            + " \"asOf\": \"2026-03-11T04:00:00Z\"}";

    /** Twelve wells in two fields, two days of hourly readings (one well with a counter restart, one out of range). */
    private static TestDatabase field() {
        TestDatabase db = TestDatabase.migrated();
        PipelineSqlFixture.loadCatalogue(db);
        db.execute("""
                INSERT INTO stage.tbl_pozo_maestra (well_id, nombre_pozo, campo, profundidad_bomba,
                       profundidad_media_perforados, profundidad_yacimiento, api_gravity, sg_agua, diametro_piston,
                       peso_varillas_aire)
                SELECT 'PP-' || i, 'Parallel well ' || i, CASE WHEN i % 2 = 0 THEN 'NORTE' ELSE 'SUR' END,
                       5000 + 10 * i, 5200, 5300, 30 + i, 1.05, 1.5, 9000
                  FROM generate_series(1, 12) i;
                """);
        readings(db, "2026-03-09T00:00:00Z", 48, 0);
        return db;
    }

    private static void readings(TestDatabase db, String from, int hours, int offset) {
        db.execute("""
                INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, casing_head_pressure,
                       well_head_pressure, fluid_level, oil_rate, water_rate, liquid_rate, strokes_per_minute,
                       stroke_length, energy_kwh, runtime_hours, dynacard)
                SELECT 'PP-' || i, TIMESTAMPTZ '%1$s' + make_interval(hours => h), 40 + i + h %% 5, 90 + h %% 7,
                       3000 + 50 * i - h, 20 + i + h %% 3, 30 + i, 50 + 2 * i + h %% 3,
                       CASE WHEN (h + i) %% 17 = 0 THEN 0 ELSE 6 + i %% 4 END, 80 + i,
                       CASE WHEN i = 5 AND h + %3$s BETWEEN 30 AND 47 THEN 10 * (h + %3$s - 29)
                            ELSE 2000 * i + 12 * (h + %3$s) END,
                       100 * i + (h + %3$s) * 20.0 / 24,
                       '{"position": [0, 40, 86, 40, 0], "load": [5000, 9000, 9000, 5200, 5000]}'
                  FROM generate_series(1, 12) i CROSS JOIN generate_series(0, %2$s - 1) h
                """.formatted(from, hours, offset));
    }

    private static PipelineV4Handler handler(TestDatabase db, int parallelism, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(db.env());
        env.put("PIPELINE_PARALLELISM", Integer.toString(parallelism));
        env.putAll(extra);
        return new PipelineV4Handler(LazyDatabase.of(db.database()), PipelineSettings.fromEnv(Env.of(env)),
                EmbeddedMetrics.disabled(), Env.of(Map.of()), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    }

    private static JsonNode run(TestDatabase db, int parallelism, String event) {
        JsonNode run = Invocation.invoke(handler(db, parallelism, Map.of()), event);
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("OK");
        return run;
    }

    private static List<JsonNode> calls(JsonNode run, String phase, String call) {
        List<JsonNode> found = new java.util.ArrayList<>();
        for (JsonNode p : run.path("phases")) {
            if (p.path("phase").asText().equals(phase)) {
                p.path("calls").forEach(c -> {
                    if (c.path("call").asText().equals(call)) {
                        found.add(c);
                    }
                });
            }
        }
        return found;
    }

    private static long notices(JsonNode call, String prefix) {
        long n = 0;
        for (JsonNode notice : call.path("notices")) {
            n += notice.asText().startsWith(prefix) ? 1 : 0;
        }
        return n;
    }

    @Test
    void shouldLeaveTheTablesOfTheSerialRun_whenTheWellsAreWorkedInTwoOrThreeBuckets() {
        try (TestDatabase serial = field(); TestDatabase two = field(); TestDatabase three = field()) {
            for (String event : List.of(FIRST, NEXT, WINDOW)) {
                if (event.equals(NEXT)) {
                    for (TestDatabase db : List.of(serial, two, three)) {
                        readings(db, "2026-03-11T00:00:00Z", 3, 48);
                    }
                }
                JsonNode one = run(serial, 1, event);
                JsonNode parallel = run(two, 2, event);
                run(three, 3, event);
                Map<String, TableChecksums.Sum> expected = TableChecksums.of(serial, RUN_LOGS);
                assertThat(TableChecksums.rows(expected)).isGreaterThan(0);
                assertThat(TableChecksums.differences(expected, TableChecksums.of(two, RUN_LOGS)))
                        .as("tables that differ with 2 buckets after " + event).isEmpty();
                assertThat(TableChecksums.differences(expected, TableChecksums.of(three, RUN_LOGS)))
                        .as("tables that differ with 3 buckets after " + event).isEmpty();
                assertThat(parallel.path("dq")).as("the run's DQ summary").isEqualTo(one.path("dq"));

                // one call per logical call, each bucket's notices in it
                List<JsonNode> dq = calls(parallel, "DQ", "stage.sp_execute_dq_validation");
                assertThat(dq).hasSize(1);
                assertThat(notices(dq.get(0), "DQ 2026-")).as(dq.get(0).toString()).isEqualTo(2);
                assertThat(notices(calls(one, "DQ", "stage.sp_execute_dq_validation").get(0), "DQ 2026-"))
                        .isEqualTo(1);
                assertThat(calls(parallel, "TRANSFORM", "reporting.sp_load_to_reporting"))
                        .hasSameSizeAs(calls(one, "TRANSFORM", "reporting.sp_load_to_reporting"));
            }
            assertThat(two.count("SELECT count(*) FROM reporting.pipeline_lease")).as("every lease released").isZero();
        }
    }

    @Test
    void shouldFailTheRunAndRepairOnTheNextOne_whenOneBucketFails() throws Exception {
        try (TestDatabase clean = field(); TestDatabase faulty = field()) {
            run(clean, 2, FIRST);
            run(faulty, 2, FIRST);
            readings(clean, "2026-03-11T00:00:00Z", 3, 48);
            readings(faulty, "2026-03-11T00:00:00Z", 3, 48);
            String blocked = (String) faulty.queryValue("SELECT min(well_id) FROM stage.tbl_pozo_maestra"
                    + " WHERE reporting.fnc_en_grupo(well_id, '1/2')");
            try (Connection session = faulty.connect(); Statement st = session.createStatement()) {
                session.setAutoCommit(false);
                // bucket 1 of 2 waits for this well's DQ score row, runs into the statement timeout; bucket 0 commits
                st.execute("SELECT * FROM reporting.dataset_dq_score_pozo WHERE well_id = '" + blocked
                        + "' FOR UPDATE");
                assertThatThrownBy(() -> Invocation.invoke(handler(faulty, 2,
                        Map.of("DB_STATEMENT_TIMEOUT_SECONDS", "2")), NEXT))
                        .isInstanceOfSatisfying(Bp010Exception.class, e -> {
                            assertThat(e.detail("phase")).isEqualTo("DQ");
                            assertThat(e.detail("sqlState")).isEqualTo("57014");
                        });
                session.rollback();
            }
            assertThat(faulty.queryValue("SELECT status FROM reporting.pipeline_runs ORDER BY started_at DESC"
                    + " LIMIT 1")).isEqualTo("FAILED");
            assertThat(faulty.count("SELECT count(*) FROM reporting.pipeline_run_phases WHERE fase = 'DQ'"
                    + " AND status = 'OK' AND run_id = (SELECT run_id FROM reporting.pipeline_runs"
                    + " ORDER BY started_at DESC LIMIT 1)")).as("nothing reported OK").isZero();
            assertThat(faulty.count("SELECT count(*) FROM reporting.pipeline_lease")).isZero();

            run(clean, 2, NEXT);
            run(faulty, 2, NEXT);
            assertThat(TableChecksums.differences(TableChecksums.of(clean, RUN_LOGS),
                    TableChecksums.of(faulty, RUN_LOGS))).as("tables that differ after the next run").isEmpty();
        }
    }
}
