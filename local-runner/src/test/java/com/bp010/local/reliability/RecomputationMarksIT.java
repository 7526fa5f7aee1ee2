package com.bp010.local.reliability;

import com.bp010.db.Env;
import com.bp010.pipeline.PipelineV4Handler;
import com.bp010.testsupport.Invocation;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.bp010.local.reliability.CatalogueFixture.MASTER;
import static com.bp010.local.reliability.CatalogueFixture.load;
import static com.bp010.local.reliability.CatalogueFixture.readings;
import static com.bp010.local.reliability.CatalogueFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who deletes a recomputation mark (docs/AGGREGATION.md, "Incremental runs", marks): only the run that recomputed it;
 * and a mark whose days lie before the lookback floor is not dropped in silence: the run names the explicit window
 * that recomputes them.
 */
class RecomputationMarksIT {
    private static final String MARKS_OF_RTC2 = "SELECT count(*) FROM reporting.recalculo_pendiente"
            + " WHERE well_id = 'RTC-2'";

    @Test
    void shouldKeepTheMarkOfAWellWhoseGroupDidNotRun_whenAGlobalRunCloses() {
        try (TestDatabase db = TestDatabase.migrated()) {
            load(db, null);
            db.execute(MASTER);
            db.execute(readings("2026-05-01T00:00:00Z", "2026-05-02T18:40:00Z"));
            run(db, "{\"asOf\":\"2026-05-02T19:00:00Z\"}");
            // n groups with the two wells in different buckets
            int n = 2;
            while (bucket(db, "RTC-1", n) == bucket(db, "RTC-2", n)) {
                n++;
            }
            db.execute("UPDATE stage.tbl_pozo_maestra SET api_gravity = 36 WHERE well_id = 'RTC-2'");
            assertThat(db.count(MARKS_OF_RTC2)).as("the master change's mark").isEqualTo(1);
            db.execute("""
                    INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, oil_rate, water_rate, bsw)
                    SELECT 'RTC-1', t, 50, 70, 55
                      FROM generate_series(timestamptz '2026-05-02T19:00:00Z', timestamptz '2026-05-02T19:40:00Z',
                                           interval '20 minutes') t""");

            groupAndGlobal(db, bucket(db, "RTC-1", n), n);
            assertThat(db.count(MARKS_OF_RTC2)).as("the mark of a well the closing global run did not recompute")
                    .isEqualTo(1);

            JsonNode group = groupAndGlobal(db, bucket(db, "RTC-2", n), n);
            assertThat(group.path("status").asText()).isEqualTo("OK");
            assertThat(db.count(MARKS_OF_RTC2)).as("the mark, once its well's group ran").isZero();
        }
    }

    @Test
    void shouldNameTheWindowToRerun_whenMarksReachBeforeTheLookbackFloor() {
        try (TestDatabase db = TestDatabase.migrated()) {
            Map<String, String> env = new HashMap<>(db.env());
            env.put("LOOKBACK_DAYS", "2");
            PipelineV4Handler handler = new PipelineV4Handler(Env.of(env));
            load(db, null);
            db.execute(MASTER);
            db.execute(readings("2026-05-01T00:00:00Z", "2026-05-02T18:40:00Z"));
            assertThat(Invocation.invoke(handler, "{\"asOf\":\"2026-05-02T19:00:00Z\"}").path("status").asText())
                    .isEqualTo("OK");

            // days 2026-05-01 .. 05-02 marked; the floor at 05-02: the second day is recomputed, the first named
            db.execute("UPDATE stage.tbl_pozo_maestra SET api_gravity = 36 WHERE well_id = 'RTC-2'");
            JsonNode partly = Invocation.invoke(handler, "{\"asOf\":\"2026-05-04T00:30:00Z\"}");
            assertThat(partly.path("status").asText()).as("%s", partly).isEqualTo("OK");
            assertThat(partly.path("message").asText()).as("%s", partly)
                    .contains("{\"fechaInicio\": \"2026-05-01\", \"fechaFin\": \"2026-05-01\"}");
            assertThat(db.count(MARKS_OF_RTC2)).as("the mark, taken").isZero();

            // the floor at 05-03: nothing to recompute, both days named (the master edit itself is synced into the
            // dimensions: DIMENSIONS_SYNCED, DimensionEditsIT)
            db.execute("UPDATE stage.tbl_pozo_maestra SET api_gravity = 37 WHERE well_id = 'RTC-2'");
            JsonNode wholly = Invocation.invoke(handler, "{\"asOf\":\"2026-05-05T12:00:00Z\"}");
            assertThat(wholly.path("status").asText()).as("%s", wholly).isEqualTo("DIMENSIONS_SYNCED");
            assertThat(wholly.path("message").asText()).as("%s", wholly)
                    .contains("{\"fechaInicio\": \"2026-05-01\", \"fechaFin\": \"2026-05-02\"}");
            assertThat(db.count(MARKS_OF_RTC2)).as("the mark, reported").isZero();
            JsonNode quiet = Invocation.invoke(handler, "{\"asOf\":\"2026-05-05T13:00:00Z\"}");
            assertThat(quiet.path("message").asText()).as("a mark is reported once").doesNotContain("fechaInicio");
        }
    }

    private static int bucket(TestDatabase db, String well, int n) {
        for (int k = 0; k < n; k++) {
            if (Boolean.TRUE.equals(db.queryValue("SELECT reporting.fnc_en_grupo(?, ?)", well, k + "/" + n))) {
                return k;
            }
        }
        throw new IllegalStateException("no bucket of " + n + " holds " + well);
    }

    /** The run of well group k of n, then the global run over it and the phases that join that; the group's answer. */
    private static JsonNode groupAndGlobal(TestDatabase db, int k, int n) {
        JsonNode group = run(db, "{\"wellGroup\": {\"bucket\": " + k + ", \"of\": " + n + "},"
                + " \"asOf\": \"2026-05-02T20:00:00Z\"}", "OK", "NOTHING_TO_DO");
        JsonNode global = run(db, "{\"phase\": \"GLOBAL\", \"groupRuns\": [\"" + group.path("runId").asText()
                + "\"]}", "OK", "NOTHING_TO_DO");
        if ("OK".equals(global.path("status").asText())) {
            for (String phase : List.of("ENRICH", "DEFAULTS", "CONSISTENCY")) {
                run(db, "{\"phase\": \"" + phase + "\", \"runId\": \"" + global.path("runId").asText() + "\"}");
            }
        }
        return group;
    }
}
