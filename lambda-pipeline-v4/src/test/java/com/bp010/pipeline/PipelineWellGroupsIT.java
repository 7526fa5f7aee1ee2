package com.bp010.pipeline;

import com.bp010.testsupport.TableChecksums;
import com.bp010.db.EmbeddedMetrics;
import com.bp010.db.Env;
import com.bp010.db.LazyDatabase;
import com.bp010.testsupport.Invocation;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Well groups (docs/SCALE.md §6): three hash buckets of the wells run DQ and TRANSFORM in parallel threads, each under
 * its own lease and watermark, then the global step and ENRICH, DEFAULTS, CONSISTENCY once; the business tables equal
 * those of one run over all wells (run logs and run summaries aside), on a first run and on the next incremental one
 * (each group's watermark taking only its wells' new readings).
 */
class PipelineWellGroupsIT {
    private static final int GROUPS = 3;
    private static final Set<String> RUN_LOGS = Set.of("reporting.pipeline_runs", "reporting.pipeline_run_phases",
            "reporting.pipeline_lease", "stage.tbl_dq_run_summary", "reporting.pipeline_run_alcance");

    private static final TwelveWellField FIELD = new TwelveWellField("WG-");

    /** Twelve wells in two fields, two days of hourly readings (one well with a counter restart, one out of range). */
    private static TestDatabase field() {
        return FIELD.create();
    }

    private static void readings(TestDatabase db, String from, int hours, int offset) {
        FIELD.readings(db, from, hours, offset);
    }

    private static PipelineV4Handler handler(TestDatabase db, String asOf) {
        return new PipelineV4Handler(LazyDatabase.of(db.database()), PipelineSettings.fromEnv(Env.of(db.env())),
                EmbeddedMetrics.disabled(), Env.of(Map.of()), Clock.fixed(Instant.parse(asOf), ZoneOffset.UTC));
    }

    /** One run over all wells, every phase in one invocation. */
    private static void wholeRun(TestDatabase db, String asOf) {
        JsonNode run = Invocation.invoke(handler(db, asOf), "{\"asOf\": \"" + asOf + "\"}");
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("OK");
    }

    /** The groups in parallel threads, then the global step and the phases that join it. */
    private static List<JsonNode> groupedRun(TestDatabase db, String asOf) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(GROUPS);
        try {
            List<Future<JsonNode>> futures = new ArrayList<>();
            for (int k = 0; k < GROUPS; k++) {
                String event = "{\"wellGroup\": {\"bucket\": " + k + ", \"of\": " + GROUPS + "}, \"asOf\": \"" + asOf
                        + "\"}";
                futures.add(threads.submit(() -> Invocation.invoke(handler(db, asOf), event)));
            }
            List<JsonNode> groups = new ArrayList<>();
            for (Future<JsonNode> f : futures) {
                groups.add(f.get());
            }
            List<String> runIds = new ArrayList<>();
            for (JsonNode g : groups) {
                assertThat(g.path("status").asText()).as(g.toString()).isIn("OK", "NOTHING_TO_DO");
                assertThat(g.path("wellGroup").asText()).matches("[0-2]/3");
                runIds.add("\"" + g.path("runId").asText() + "\"");
            }
            PipelineV4Handler steps = handler(db, asOf);
            JsonNode global = Invocation.invoke(steps, "{\"phase\": \"GLOBAL\", \"groupRuns\": " + runIds + "}");
            assertThat(global.path("status").asText()).as(global.toString()).isEqualTo("OK");
            assertThat(global.path("phases").get(0).path("phase").asText()).isEqualTo("GLOBAL");
            for (String phase : List.of("ENRICH", "DEFAULTS", "CONSISTENCY")) {
                JsonNode step = Invocation.invoke(steps, "{\"phase\": \"" + phase + "\", \"runId\": \""
                        + global.path("runId").asText() + "\"}");
                assertThat(step.path("status").asText()).as(step.toString()).isEqualTo("OK");
            }
            return groups;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void shouldLeaveTheTablesOfOneRunOverAllWells_whenThreeWellGroupsRunInParallelThenTheGlobalStep() throws Exception {
        try (TestDatabase whole = field(); TestDatabase grouped = field()) {
            for (int k = 0; k < GROUPS; k++) {
                assertThat(grouped.count("SELECT count(*) FROM stage.tbl_pozo_maestra"
                        + " WHERE reporting.fnc_en_grupo(well_id, ?)", k + "/" + GROUPS))
                        .as("wells in bucket " + k).isPositive();
            }
            wholeRun(whole, "2026-03-10T23:30:00Z");
            List<JsonNode> first = groupedRun(grouped, "2026-03-10T23:30:00Z");
            assertThat(first).allSatisfy(g -> assertThat(g.path("status").asText()).isEqualTo("OK"));
            Map<String, TableChecksums.Sum> expected = TableChecksums.of(whole, RUN_LOGS);
            assertThat(TableChecksums.rows(expected)).isGreaterThan(0);
            assertThat(TableChecksums.differences(expected, TableChecksums.of(grouped, RUN_LOGS)))
                    .as("tables that differ after the first run").isEmpty();
            assertThat(grouped.count("SELECT count(*) FROM reporting.pipeline_lease")).as("every lease released")
                    .isZero();

            // the next hour: new readings of every well; each group takes its wells' rows since its own watermark
            readings(whole, "2026-03-11T00:00:00Z", 3, 48);
            readings(grouped, "2026-03-11T00:00:00Z", 3, 48);
            wholeRun(whole, "2026-03-11T03:30:00Z");
            List<JsonNode> next = groupedRun(grouped, "2026-03-11T03:30:00Z");
            for (JsonNode g : next) {
                assertThat(g.path("window").path("from").asText()).as("incremental from the group's watermark")
                        .isEqualTo("2026-03-10");
            }
            assertThat(TableChecksums.differences(TableChecksums.of(whole, RUN_LOGS),
                    TableChecksums.of(grouped, RUN_LOGS))).as("tables that differ after the next run").isEmpty();
        }
    }
}
