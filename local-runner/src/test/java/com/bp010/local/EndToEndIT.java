package com.bp010.local;

import com.bp010.db.Env;
import com.bp010.demo.DemoDataGenerator;
import com.bp010.demo.Fault;
import com.bp010.demo.GeneratedSet;
import com.bp010.demo.GeneratorOptions;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four real handlers in sequence, as the schedule runs them: init, reference load, ingest of generated files with
 * planted faults, phases 3-7; then the same window again with the same asOf (nothing changes), then a run with
 * nothing new.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {
    private static final Instant END = Instant.parse("2026-11-20T23:00:00Z");
    private static final String WINDOW = "{\"fechaInicio\":\"2026-11-17\",\"fechaFin\":\"2026-11-20\","
            + "\"asOf\":\"2026-11-21T00:30:00Z\"}";
    /** Columns that legitimately differ between two runs of the same window: run ids and wall-clock times. */
    private static final List<String> VOLATILE = List.of("run_id", "ultimo_run_id", "updated_at", "created_at",
            "detectado_en", "ultima_vez_en", "resuelto_en", "actualizada_en", "result_id", "alerta_id", "pivoted_at");
    private static final List<String> TABLES = List.of("reporting.fact_operaciones_horarias",
            "reporting.fact_operaciones_diarias", "reporting.fact_operaciones_mensuales", "reporting.fact_kpi_horarios",
            "reporting.dataset_current_values", "reporting.dataset_kpi_business", "reporting.dataset_latest_dynacard",
            "reporting.dim_pozo", "reporting.fact_alertas", "reporting.fact_dq_diaria", "reporting.fact_campo_diario",
            "stage.tbl_pozo_scada_dq", "stage.tbl_consistency_results", "referencial.tbl_limites_pozo");

    @TempDir
    static Path tmp;
    private static TestDatabase db;
    private static Env env;
    private static GeneratedSet set;

    @BeforeAll
    static void setUp() throws Exception {
        db = TestDatabase.create();
        env = Env.of(db.env());
        set = new DemoDataGenerator().generate(GeneratorOptions.of(6, 4, END, 7)
                .withFaults(EnumSet.of(Fault.BAD_MASTER_DATA, Fault.BAD_CARD, Fault.OUT_OF_RANGE)), tmp);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    @Order(1)
    void shouldCarryGeneratedTelemetryToFactsSemaphoresAndFindings() {
        assertThat(LocalInvoker.invoke(LambdaFunction.INIT, env, "{}").path("pending").asInt()).isZero();
        assertThat(LocalInvoker.invoke(LambdaFunction.REFERENCIAL, env, "{}").path("counts").path("tbl_dq_rules")
                .asInt()).isEqualTo(35);
        JsonNode ingest = LocalInvoker.invoke(LambdaFunction.STAGE, env,
                "{\"source\":\"file\",\"path\":\"" + tmp + "\"}");
        assertThat(ingest.path("rowsRejected").asLong()).isZero();
        assertThat(db.count("SELECT count(*) FROM stage.landing_scada_data")).isEqualTo(set.readings());
        assertThat(db.count("SELECT count(*) FROM stage.tbl_pozo_produccion")).isEqualTo(set.wellHours());

        JsonNode run = LocalInvoker.invoke(LambdaFunction.PIPELINE, env, WINDOW);

        assertThat(run.path("status").asText()).isEqualTo("OK");
        assertThat(run.path("phases").findValuesAsText("status")).containsOnly("OK").hasSize(5);
        assertThat(run.path("dq").path("evaluated").asLong()).isPositive();
        assertThat(run.path("dq").path("failed").asLong()).isPositive();
        assertThat(run.path("consistency").path("byRule").path("RC-005").asInt()).isEqualTo(1);
        assertThat(run.path("consistency").path("byRule").path("RC-006").asInt()).isEqualTo(1);
        assertThat(db.count("SELECT count(DISTINCT rule_id) FROM stage.tbl_dq_run_summary")).isEqualTo(35);
        assertThat(db.count("SELECT count(*) FROM reporting.dataset_current_values")).isEqualTo(6);
        assertThat(db.count("SELECT count(*) FROM reporting.dataset_current_values WHERE pwf IS NOT NULL")).isEqualTo(6);
        assertThat(db.count("SELECT count(*) FROM reporting.fact_operaciones_diarias")).isEqualTo(6 * 4);
        // The planted well also breaks RC-003 as a consequence: its PWF is computed from a pump set below the reservoir.
        assertThat(db.count("SELECT count(*) FROM reporting.vw_alerts WHERE tipo = 'CONSISTENCIA'"))
                .isEqualTo(run.path("consistency").path("violations").asLong());
    }

    @Test
    @Order(2)
    void shouldVouchAtIngestForExactlyTheCardsTheSqlCheckPasses() {
        String good = "SELECT count(*) FROM stage.tbl_pozo_produccion p CROSS JOIN LATERAL (VALUES (p.dynacard),"
                + " (p.downhole_card)) c(txt) WHERE c.txt IS NOT NULL AND stage.fnc_dq_defecto_carta(c.txt) IS %s NULL";
        long vouched = db.count("SELECT count(*) FROM stage.tbl_carta_verificada");

        assertThat(vouched).isPositive().isEqualTo(db.count(good.formatted("")));
        assertThat(db.count(good.formatted("NOT"))).as("the planted bad card").isPositive();
        assertThat(db.count("SELECT count(*) FROM stage.tbl_carta_verificada k JOIN stage.tbl_pozo_produccion p"
                + " USING (well_id, timestamp_lectura) WHERE stage.fnc_dq_defecto_carta(to_jsonb(p) ->> k.columna)"
                + " IS NOT NULL OR md5(to_jsonb(p) ->> k.columna)::uuid <> k.carta_md5")).isZero();
    }

    @Test
    @Order(3)
    void shouldFindTheSameCardFaults_whenTheCardsAreCheckedWithoutTheIngestVerdicts() {
        Map<String, Object> before = checksums();
        db.execute("DELETE FROM stage.tbl_carta_verificada");

        JsonNode again = LocalInvoker.invoke(LambdaFunction.PIPELINE, env, WINDOW);

        assertThat(again.path("status").asText()).isEqualTo("OK");
        assertThat(checksums()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void shouldLeaveEveryFactAndFindingIdentical_whenTheSameWindowRunsAgainWithTheSameAsOf() {
        Map<String, Object> before = checksums();

        JsonNode again = LocalInvoker.invoke(LambdaFunction.PIPELINE, env, WINDOW);

        assertThat(again.path("status").asText()).isEqualTo("OK");
        assertThat(checksums()).isEqualTo(before);
    }

    @Test
    @Order(5)
    void shouldAnswerNothingToDo_whenNothingNewArrived() {
        assertThat(LocalInvoker.invoke(LambdaFunction.PIPELINE, env, "{}").path("status").asText()).isEqualTo("OK");
        assertThat(LocalInvoker.invoke(LambdaFunction.PIPELINE, env, "{}").path("status").asText())
                .isEqualTo("NOTHING_TO_DO");
    }

    private static Map<String, Object> checksums() {
        Map<String, Object> sums = new LinkedHashMap<>();
        String drop = String.join(" - ", VOLATILE.stream().map(c -> "'" + c + "'").toList());
        for (String table : TABLES) {
            sums.put(table, db.queryValue("SELECT count(*) || ':' || coalesce(md5(string_agg(j::text, '|' ORDER BY j::text)), '')"
                    + " FROM (SELECT to_jsonb(t) - " + drop + " AS j FROM " + table + " t) x"));
        }
        return sums;
    }
}
