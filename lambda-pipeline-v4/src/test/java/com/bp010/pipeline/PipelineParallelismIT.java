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

    private static final TwelveWellField FIELD = new TwelveWellField("PP-");

    /** Twelve wells in two fields, two days of hourly readings (one well with a counter restart, one out of range). */
    private static TestDatabase field() {
        return FIELD.create();
    }

    private static void readings(TestDatabase db, String from, int hours, int offset) {
        FIELD.readings(db, from, hours, offset);
    }

    private static Map<String, String> env(TestDatabase db, int parallelism, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(db.env());
        env.put("PIPELINE_PARALLELISM", Integer.toString(parallelism));
        env.putAll(extra);
        return env;
    }

    private static PipelineV4Handler handler(LazyDatabase database, Map<String, String> env) {
        return new PipelineV4Handler(database, PipelineSettings.fromEnv(Env.of(env)), EmbeddedMetrics.disabled(),
                Env.of(Map.of()), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    }

    /** A handler on the database's shared pool (its statement timeout: TestDatabase's). */
    private static PipelineV4Handler handler(TestDatabase db, int parallelism) {
        return handler(LazyDatabase.of(db.database()), env(db, parallelism, Map.of()));
    }

    private static JsonNode run(TestDatabase db, int parallelism, String event) {
        JsonNode run = Invocation.invoke(handler(db, parallelism), event);
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
            // the statement timeout is the pool's (DbConfig), so this run gets a pool of its own with a short one
            Map<String, String> shortTimeout = env(faulty, 2, Map.of("DB_STATEMENT_TIMEOUT_SECONDS", "5"));
            try (LazyDatabase pool = LazyDatabase.fromEnv(Env.of(shortTimeout), 2);
                 Connection session = faulty.connect(); Statement st = session.createStatement()) {
                session.setAutoCommit(false);
                // bucket 1 of 2 waits for this well's DQ score row, runs into the statement timeout; bucket 0 commits
                st.execute("SELECT * FROM reporting.dataset_dq_score_pozo WHERE well_id = '" + blocked
                        + "' FOR UPDATE");
                assertThatThrownBy(() -> Invocation.invoke(handler(pool, shortTimeout), NEXT))
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
