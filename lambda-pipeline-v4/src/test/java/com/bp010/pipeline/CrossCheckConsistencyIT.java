package com.bp010.pipeline;

import com.bp010.db.EmbeddedMetrics;
import com.bp010.db.Env;
import com.bp010.db.LazyDatabase;
import com.bp010.testsupport.Invocation;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's cross-checks VC-001..VC-005 (referencial.tbl_reglas_consistencia_proyecto) through the pipeline
 * handler, from readings and well masters to the run response, the findings and vw_alerts. Three wells, all with
 * casing 50 psi, API 35 (oil gradient 0.367985 psi/ft), BSW 60 %, mid-perforations at 5,400 ft, reservoir at 5,500 ft:
 * <ul>
 *   <li>OK: pump at 5,234 ft, fluid level 4,000 ft, measured PIP 504 psi: the PIP from the level is 504.09 psi;</li>
 *   <li>WRONG-MASTER: the same readings (and a bottom-hole gauge reading the true PWF) but a master putting the pump
 *       at 6,060 ft: PIP from the level 808.05 psi against 504 measured, a level of 4,826 ft calculated from the PIP
 *       against 4,000 measured, a PWF below the PIP (perforations above the pump) far from the gauge's, and the pump
 *       below the reservoir (the user's RC-005);</li>
 *   <li>CHP-HIGH: no level, measured PIP 300 psi under 600 psi of casing pressure: a PWF of ~371 psi below it.</li>
 * </ul>
 */
class CrossCheckConsistencyIT {
    private static final String EVENT = """
            {"phases": ["TRANSFORM", "ENRICH", "CONSISTENCY"], "fechaInicio": "2026-03-10", "fechaFin": "2026-03-10",
             "asOf": "2026-03-11T00:30:00Z"}""";
    private static TestDatabase db;
    private static PipelineV4Handler handler;

    @BeforeAll
    static void migrate() {
        db = TestDatabase.migrated();
        handler = new PipelineV4Handler(LazyDatabase.of(db.database()), PipelineSettings.fromEnv(Env.of(db.env())),
                EmbeddedMetrics.disabled());
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void wells() {
        db.execute("""
                TRUNCATE stage.tbl_pozo_produccion, stage.tbl_pozo_maestra, stage.tbl_consistency_results,
                         reporting.fact_alertas, reporting.dataset_current_values CASCADE;
                UPDATE referencial.tbl_reglas_consistencia_proyecto SET tolerancia_pct = 15 WHERE tolerancia_pct IS NOT NULL;
                INSERT INTO stage.tbl_pozo_maestra (well_id, profundidad_bomba, profundidad_media_perforados,
                       profundidad_yacimiento, api_gravity, sg_agua, diametro_piston, peso_varillas_aire)
                VALUES ('OK', 5234, 5400, 5500, 35, 1.07, 1.5, 9350),
                       ('WRONG-MASTER', 6060, 5400, 5500, 35, 1.07, 1.5, 9350),
                       ('CHP-HIGH', 5234, 5400, 5500, 35, 1.07, 1.5, 9350);
                INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, casing_head_pressure,
                       well_head_pressure, fluid_level, pump_intake_pressure, bottom_hole_pressure, bsw, oil_rate,
                       water_rate, strokes_per_minute, stroke_length)
                SELECT w.id, TIMESTAMPTZ '2026-03-10T00:00:00Z' + make_interval(hours => h), w.chp, 100, w.fl, w.pip,
                       w.bhp, 60, 52, 78, 8, 86
                  FROM generate_series(0, 23) h,
                       (VALUES ('OK', 50, 4000, 504, NULL),
                               ('WRONG-MASTER', 50, 4000, 504, 575),
                               ('CHP-HIGH', 600, NULL, 300, NULL)) w(id, chp, fl, pip, bhp);
                """);
    }

    @Test
    void shouldFindMeasuredAndCalculatedValuesThatDisagree_andCountEveryLoadedRule_whenThePipelineRuns() {
        JsonNode run = Invocation.invoke(handler, EVENT);

        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("OK");
        assertThat(run.path("consistency").path("byRule").toString()).isEqualTo("{\"RC-001\":0,\"RC-002\":0,"
                + "\"RC-003\":0,\"RC-004\":0,\"RC-005\":1,\"RC-006\":0,"
                + "\"VC-001\":1,\"VC-002\":1,\"VC-003\":1,\"VC-004\":1,\"VC-005\":1}");
        assertThat(run.path("consistency").path("violations").asLong()).isEqualTo(6);
        assertThat(db.count("SELECT count(*) FROM referencial.tbl_reglas_consistencia")).as("the user's rules")
                .isEqualTo(6);
        assertThat(findings("WRONG-MASTER")).containsExactly("RC-005", "VC-001", "VC-002", "VC-003", "VC-004");
        assertThat(findings("CHP-HIGH")).containsExactly("VC-005");
        assertThat(findings("OK")).isEmpty();
        assertThat(db.queryValue("SELECT mensaje FROM stage.tbl_consistency_results WHERE codigo = 'VC-001'"))
                .asString().contains("measured pump_intake_pressure = 504.0", "calculated pip_calc = 808.0",
                        "tolerance 15 %");
        assertThat(db.queryValue("SELECT mensaje FROM stage.tbl_consistency_results WHERE codigo = 'VC-004'"))
                .asString().contains("pump_intake_pressure = 504", "expected pwf >= pump_intake_pressure");
        assertThat(db.queryValue("""
                SELECT concat_ws(' | ', tipo, referencia, descripcion, valor, valor_referencia, mensaje)
                  FROM reporting.vw_alerts WHERE well_id = 'WRONG-MASTER' AND referencia = 'VC-001'"""))
                .asString().startsWith("CONSISTENCIA | VC-001 | Measured pump intake pressure agrees")
                .contains("504");
    }

    @Test
    void shouldFollowTheTolerance_whenTheProjectRaisesIt() {
        Invocation.invoke(handler, EVENT);
        db.execute("UPDATE referencial.tbl_reglas_consistencia_proyecto SET tolerancia_pct = 40 WHERE codigo = 'VC-001'");

        JsonNode run = Invocation.invoke(handler, EVENT);

        assertThat(run.path("consistency").path("byRule").path("VC-001").asLong()).as("37.6 %% is within 40 %%")
                .isZero();
        assertThat(db.count("SELECT count(*) FROM stage.tbl_consistency_results WHERE codigo = 'VC-001'"
                + " AND NOT vigente AND resuelto_en IS NOT NULL")).as("kept as history").isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM reporting.vw_alerts WHERE referencia = 'VC-001'")).isZero();
    }

    private static java.util.List<String> findings(String well) {
        Object codes = db.queryValue("SELECT coalesce(string_agg(codigo, ',' ORDER BY codigo), '')"
                + " FROM stage.tbl_consistency_results WHERE vigente AND well_id = ?", well);
        return codes.toString().isEmpty() ? java.util.List.of() : java.util.List.of(codes.toString().split(","));
    }
}
