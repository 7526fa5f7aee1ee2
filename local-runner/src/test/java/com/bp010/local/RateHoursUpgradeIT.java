package com.bp010.local;

import com.bp010.db.Env;
import com.bp010.db.migration.SchemaMigrator;
import com.bp010.pipeline.PipelineV4Handler;
import com.bp010.referencial.LoadReferencialHandler;
import com.bp010.testsupport.Invocation;
import com.bp010.testsupport.RepoPaths;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * V26 marks the daily rows written before V25 (their horas_con_petroleo, ... NULL: rates still over horas_con_datos)
 * for recomputation, so the next ordinary incremental run after an upgrade recomputes them, and names the explicit
 * window of the days before the lookback floor (docs/AGGREGATION.md, "A day's rate" and "Incremental runs", marks).
 *
 * <p>The database is built at V25 (every migration but V26 and later) and its rows of RTC-1's first two days are made
 * pre-V25 rows: their four counts set to NULL, the month recomputed from them and ENRICH (derived values, business
 * KPIs) rerun over them, so every stored number of those days is what the engine wrote before V25. Not built at V24:
 * the repository's R__ files (the engine) read the V25 columns and cannot run on a V24 schema, and the pipeline's Java
 * did not change with V25; the daily and monthly rows the engine writes differ from the pre-V25 engine's only in those
 * four counts (barrels and every other column are computed as before), and with them NULL every rate, variance, KPI,
 * HHP is the earlier rule (reporting.fnc_horas_tasa's NULL branch). RTC-1's third day keeps its counts: a day rewritten
 * after V25 was deployed, not marked; RTC-2 has every count: no mark.
 *
 * <p>Two wells, readings every 20 minutes from 1 May 00:00 to 3 May 23:40 UTC (24 hours with data each day), oil 60
 * bbl/d, water 70. RTC-1's three oil readings of 10:00 are -7 each day (DQ-013, 0 .. 5000): left out, so that hour
 * has readings but no oil. Its day: 60 x 23 / 24 = 57.5 bbl; before V25 its rate read 57.5 x 24 / 24 (hours with
 * data) = 57.5 bbl/d, variance against its target of 60: (57.5 - 60) / 60 = -4.1667 %; over its 23 hours with oil it is
 * 57.5 x 24 / 23 = 60 bbl/d, variance 0. The month (3 days, 69 hours with oil of 72): 172.5 bbl / (69 / 24) = 60.
 */
class RateHoursUpgradeIT {
    private static final String MASTER = """
            INSERT INTO stage.tbl_pozo_maestra (well_id, campo, profundidad_bomba, profundidad_media_perforados,
                   profundidad_yacimiento, api_gravity, sg_agua, diametro_piston, peso_varillas_aire)
            VALUES ('RTC-1', 'C1', 5000, 5200, 5300, 35, 1.07, 1.5, 9350),
                   ('RTC-2', 'C1', 800, 5000, 5100, 55, 1.05, 1.75, 9000)""";
    private static final String READINGS = """
            INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, oil_rate, water_rate, bsw)
            SELECT w, t, CASE WHEN w = 'RTC-1' AND extract(hour FROM t) = 10 THEN -7 ELSE 60 END, 70, 53.8
              FROM unnest(ARRAY['RTC-1', 'RTC-2']) w
             CROSS JOIN generate_series(timestamptz '2026-05-01T00:00:00Z', timestamptz '2026-05-03T23:40:00Z',
                                        interval '20 minutes') t""";
    private static final String KPI = "SELECT %s FROM reporting.dataset_kpi_business"
            + " WHERE well_id = 'RTC-1' AND tipo_periodo = '%s' AND periodo = DATE '%s'";
    private static final String DAILY_VIEW = "SELECT %s FROM reporting.vw_kpi_daily"
            + " WHERE well_id = 'RTC-1' AND fecha = DATE '%s'";
    private static final String COUNTS = "SELECT concat_ws(' ', horas_con_datos, horas_con_petroleo, horas_con_agua,"
            + " horas_con_gas, horas_con_liquido) FROM reporting.fact_operaciones_diarias"
            + " WHERE well_id = 'RTC-1' AND fecha = DATE '%s'";
    private static final String MARKS = "SELECT coalesce(string_agg(concat_ws(' ', well_id, dia_desde, dia_hasta),"
            + " ', ' ORDER BY well_id, dia_desde), '') FROM reporting.recalculo_pendiente";

    @TempDir
    Path dir;

    @Test
    void shouldRecomputeTheDaysWrittenBeforeV25_onTheNextIncrementalRunAfterTheUpgrade() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            // today's engine (R__ scripts) on the V25 schema: it reads the V25 columns
            Path v25 = RepoPaths.sqlUpTo(dir.resolve("v25"), 25, true);
            new SchemaMigrator(db.adminDataSource(), List.of("filesystem:" + v25)).migrate();
            assertThat(db.queryValue("SELECT max(version::int) FROM public.bp010_schema_history WHERE version IS NOT NULL"))
                    .isEqualTo(25);

            JsonNode load = Invocation.invoke(new LoadReferencialHandler(Env.of(db.env())), "{}");
            assertThat(load.path("counts").path("tbl_dq_rules").asInt()).as("%s", load).isPositive();
            db.execute(MASTER);
            db.execute("INSERT INTO referencial.tbl_limites_pozo (nombre_tecnico, well_id, target)"
                    + " VALUES ('oil_rate', 'RTC-1', 60), ('oil_rate', 'RTC-2', 60)");
            db.execute(READINGS);
            PipelineV4Handler deployed = new PipelineV4Handler(Env.of(db.env()));
            assertThat(run(deployed, "{\"asOf\": \"2026-05-04T00:10:00Z\"}").path("status").asText()).isEqualTo("OK");
            assertThat(db.queryValue(COUNTS.formatted("2026-05-02"))).as("written since V25").isEqualTo("24 23 24 0 23");

            // RTC-1's 1 and 2 May as the engine wrote them before V25: no counts, the month and ENRICH over them
            db.execute("""
                    UPDATE reporting.fact_operaciones_diarias
                       SET horas_con_petroleo = NULL, horas_con_agua = NULL, horas_con_gas = NULL,
                           horas_con_liquido = NULL
                     WHERE well_id = 'RTC-1' AND fecha <= DATE '2026-05-02';
                    CALL reporting.sp_load_to_reporting(DATE '2026-05-01', DATE '2026-05-03', false, false, true,
                                                        'RTC-1', NULL)""");
            assertThat(run(deployed, "{\"fechaInicio\": \"2026-05-01\", \"fechaFin\": \"2026-05-03\","
                    + " \"phases\": [\"ENRICH\"], \"asOf\": \"2026-05-04T00:10:00Z\"}").path("status").asText())
                    .isEqualTo("OK");
            for (String day : List.of("2026-05-01", "2026-05-02")) {
                assertThat(value(db, KPI.formatted("oil_rate_promedio", "DIA", day))).as("before V25: " + day)
                        .isCloseTo(57.5, within(1e-9));
                assertThat(value(db, DAILY_VIEW.formatted("variance_oil_pct", day))).as("before V25: " + day)
                        .isCloseTo(-2.5 / 60 * 100, within(1e-9));
            }
            assertThat(value(db, KPI.formatted("oil_rate_promedio", "DIA", "2026-05-03"))).isCloseTo(60, within(1e-9));
            assertThat(value(db, KPI.formatted("oil_rate_promedio", "MES", "2026-05-01"))).as("the month, before V25")
                    .isCloseTo(172.5 / 3, within(1e-9));
            assertThat(db.count("SELECT count(*) FROM reporting.recalculo_pendiente")).isZero();

            db.migrate();

            assertThat(db.queryValue(MARKS)).as("one range of RTC-1: its days written before V25")
                    .isEqualTo("RTC-1 2026-05-01 2026-05-02");
            try (TestDatabase fresh = TestDatabase.migrated()) {
                assertThat(fresh.count("SELECT count(*) FROM reporting.recalculo_pendiente")).as("a fresh database")
                        .isZero();
            }

            // the next ordinary run, no new reading; lookback floor at 2 May: 2 May recomputed, 1 May named
            Map<String, String> env = new HashMap<>(db.env());
            env.put("LOOKBACK_DAYS", "2");
            PipelineV4Handler upgraded = new PipelineV4Handler(Env.of(env));
            JsonNode next = run(upgraded, "{\"asOf\": \"2026-05-04T00:30:00Z\"}");
            assertThat(next.path("status").asText()).as("%s", next).isEqualTo("OK");
            assertThat(next.path("message").asText()).as("%s", next)
                    .contains("their days 2026-05-01 .. 2026-05-01 were not recomputed")
                    .contains("{\"fechaInicio\": \"2026-05-01\", \"fechaFin\": \"2026-05-01\"}");
            assertThat(db.count("SELECT count(*) FROM reporting.recalculo_pendiente")).as("the mark, taken").isZero();

            assertThat(db.queryValue(COUNTS.formatted("2026-05-02"))).isEqualTo("24 23 24 0 23");
            assertThat(value(db, KPI.formatted("oil_rate_promedio", "DIA", "2026-05-02")))
                    .as("57.5 bbl x 24 / 23 hours with oil").isCloseTo(60, within(1e-9));
            assertThat(value(db, KPI.formatted("variance_oil_pct", "DIA", "2026-05-02"))).isCloseTo(0, within(1e-9));
            assertThat(value(db, DAILY_VIEW.formatted("variance_oil_pct", "2026-05-02"))).isCloseTo(0, within(1e-9));
            assertThat(value(db, DAILY_VIEW.formatted("horas_con_petroleo", "2026-05-02"))).isEqualTo(23.0);
            assertThat(db.queryValue(COUNTS.formatted("2026-05-01"))).as("before the floor: left for the named window")
                    .isEqualTo("24");
            assertThat(value(db, KPI.formatted("oil_rate_promedio", "DIA", "2026-05-01"))).isCloseTo(57.5, within(1e-9));

            // the window the run named
            JsonNode rerun = run(upgraded, "{\"fechaInicio\": \"2026-05-01\", \"fechaFin\": \"2026-05-01\","
                    + " \"asOf\": \"2026-05-04T00:40:00Z\"}");
            assertThat(rerun.path("status").asText()).as("%s", rerun).isEqualTo("OK");
            assertThat(db.queryValue(COUNTS.formatted("2026-05-01"))).isEqualTo("24 23 24 0 23");
            assertThat(value(db, KPI.formatted("oil_rate_promedio", "DIA", "2026-05-01"))).isCloseTo(60, within(1e-9));
            assertThat(value(db, DAILY_VIEW.formatted("variance_oil_pct", "2026-05-01"))).isCloseTo(0, within(1e-9));
            assertThat(value(db, "SELECT horas_con_petroleo FROM reporting.fact_operaciones_mensuales"
                    + " WHERE well_id = 'RTC-1'")).isEqualTo(69.0);
            assertThat(value(db, KPI.formatted("oil_rate_promedio", "MES", "2026-05-01")))
                    .as("the month: 172.5 bbl / (69 h / 24)").isCloseTo(60, within(1e-9));
        }
    }

    private static JsonNode run(PipelineV4Handler handler, String event) {
        return Invocation.invoke(handler, event);
    }

    private static Double value(TestDatabase db, String sql) {
        Object v = db.queryValue(sql);
        return v == null ? null : ((Number) v).doubleValue();
    }
}
